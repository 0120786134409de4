/*
 * budget.cxx -- see budget.hxx.
 */
#include "budget.hxx"

#include <chrono>
#include <cstdlib>

namespace clvkit::calc
{

namespace
{

double now()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

Budget::Budget()
{
    double seconds = CALL_SECONDS;
    if (const char *env = std::getenv("CLVKIT_CALC_SECONDS")) {
        const double s = std::atof(env);
        if (s > 0)
            seconds = s;
    }
    deadline_ = now() + seconds;
}

bool Budget::spent() const
{
    return now() > deadline_;
}

int Budget::stop(void *budget, std::size_t, double)
{
    return static_cast<const Budget *>(budget)->spent();
}

} // namespace clvkit::calc
