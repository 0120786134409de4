/*
 * seed_examples.c -- the worked examples of the source articles, computed by
 * clvkit.  This is what `./run demo` prints first.
 */
#include <stdio.h>

#include "clvkit/clvkit.h"

static int failures;

/* Prints one line, or the error if the library refused the input.  The
 * result comes by pointer: it is read only after the call that wrote it. */
static void show(const char *what, clv_status st, const double *result, const char *unit)
{
    double v = *result;
    if (st != CLV_OK) {
        printf("  %-64s ERROR: %s\n", what, clv_strerror(st));
        failures++;
        return;
    }
    if (unit[0] == '%')
        v *= 100;
    printf("  %-64s %12.2f %s\n", what, v, unit);
}

int main(void)
{
    double v;
    printf("clvkit %s -- the articles' worked examples\n\n", clv_version());

    printf("What a customer is worth\n");
    show("CLV(50;12;3): EUR 50 a month for 36 months (004)", clv_clv(50, 12, 3, 0, 0, &v), &v,
         "EUR");
    show("CLV(2000;1;8;500;200): 8 years, costs 500 + 200/yr (002)",
         clv_clv(2000, 1, 8, 500, 200, &v), &v, "EUR");
    printf("  %-64s\n", "  note: article 002 prints EUR 14,900; its own formula");
    printf("  %-64s\n", "  (2000 x 8) - 500 - (200 x 8) gives 13,900 (a slip).");
    show("CLV_MARGIN(50;12;3;40%): the formula of 001", clv_clv_margin(50, 12, 3, 0.4, 0, 0, &v),
         &v, "EUR");
    show("CLV_AVG(120000;45000;300): profit per customer, as 003",
         clv_clv_avg(120000, 45000, 300, &v), &v, "EUR");
    show("CLV_RET(100;80%;10%): margin 100, retention 80%, discount 10%",
         clv_clv_ret(100, 0.8, 0.1, 0, 0, &v), &v, "EUR");
    show("LTV_CHURN(50;80%;2%): subscription LTV", clv_ltv_churn(50, 0.8, 0.02, &v), &v, "EUR");
    show("LIFETIME(2.5%): months a customer stays at 2.5% churn", clv_lifetime(0.025, &v), &v,
         "months");
    show("CHURN_PERIOD(2%;12): monthly churn as yearly churn", clv_churn_period(0.02, 12, &v), &v,
         "%");

    printf("\nWhat a customer may cost\n");
    const double spend[] = {5000, 3000, 2000}, won[] = {20, 20, 10};
    show("CAC over 3 channels: EUR 10,000 for 50 customers", clv_cac(spend, won, 3, &v, NULL), &v,
         "EUR");
    show("LTV_CAC(1800;600): healthy at 3 or more", clv_ltv_cac(1800, 600, &v), &v, "");
    show("MAX_CAC(1800): the most a customer may cost at 3:1", clv_max_cac(1800, 3, &v), &v, "EUR");
    show("SQL_BUDGET(200;5%): the most an SQL may cost (002)", clv_sql_budget(200, 0.05, &v), &v,
         "EUR");
    const double rates[] = {0.2, 0.05};
    show("FUNNEL_BUDGET(200;20%;5%): the most a lead may cost",
         clv_funnel_budget(200, rates, 2, &v, NULL), &v, "EUR");
    show("CAC_PAYBACK(200;50;40%): months to earn back the CAC", clv_cac_payback(200, 50, 0.4, &v),
         &v, "months");
    show("ROAS_BREAKEVEN(25%): revenue per EUR of ads to break even", clv_roas_breakeven(0.25, &v),
         &v, "");

    printf("\nWho is worth the most (the segments of 001)\n");
    const double values[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const double who[] = {10, 5, 1};
    for (int i = 0; i < 3; i++) {
        clv_segment_class seg;
        clv_status st = clv_segment(who[i], values, 10, 0.2, 0.3, &seg, NULL);
        printf("  CLV_SEGMENT(%2g; 1..10) %54s\n", who[i],
               st == CLV_OK ? clv_segment_name(seg) : clv_strerror(st));
        failures += st != CLV_OK;
    }
    return failures ? 1 : 0;
}
