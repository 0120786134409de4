/* A program that knows clvkit only as an installed package. */
#include <stdio.h>

#include <clvkit/clvkit.h>

int main(void)
{
    double v;
    if (clv_version_number() != CLV_VERSION_NUMBER) {
        fprintf(stderr, "header %d, library %d\n", CLV_VERSION_NUMBER, clv_version_number());
        return 1;
    }
    if (clv_clv(50, 12, 3, 100, 0, &v) != CLV_OK || v != 1700) {
        fprintf(stderr, "CLV(50;12;3;100) = %g, want 1700\n", v);
        return 1;
    }
    if (clv_lifetime(0, &v) != CLV_EDOM) {
        fprintf(stderr, "LIFETIME(0) was not refused\n");
        return 1;
    }
    printf("consumer: clvkit %s, CLV(50;12;3;100) = %g\n", clv_version(), 1700.0);
    return 0;
}
