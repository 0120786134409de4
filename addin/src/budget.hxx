/*
 * budget.hxx -- a time budget per call.  A fit that has not converged when
 * it is spent stops, and so does an array formula (its remaining cells
 * show Err:523), so that no workbook keeps Calc busy for long.  CALL_SECONDS,
 * or the environment's CLVKIT_CALC_SECONDS (the tests shorten it).
 */
#ifndef CLVKIT_ADDIN_BUDGET_HXX
#define CLVKIT_ADDIN_BUDGET_HXX

#include <cstddef>

namespace clvkit::calc
{

inline constexpr double CALL_SECONDS = 30;

class Budget
{
  public:
    Budget();
    bool spent() const;
    /* A clv_progress_fn for the core's long loops (fits, CLV over a long
     * horizon): data is a Budget; nonzero (stop) once it is spent. */
    static int stop(void *budget, std::size_t step, double value);

  private:
    double deadline_;
};

} // namespace clvkit::calc

#endif
