/*
 * addin_metadata.cxx -- what Calc asks about the functions (XAddIn), in the
 * language setLocale() chose, and the service identity.  Every answer is a
 * lookup in function_table.hxx (English argument names: in the
 * description).  Calc asks these once, when it loads the add-in, so a
 * linear search by name is fine here.
 */
#include "functions.hxx"

#include "core_row.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/supportsservice.hxx>

namespace clvkit::calc
{

namespace
{

const Function *find_method(const OUString &method)
{
    for (const Function &f : FUNCTIONS)
        if (method.equalsAscii(f.method))
            return &f;
    return nullptr;
}

const Argument *find_argument(const OUString &method, sal_Int32 arg)
{
    const Function *f = find_method(method);
    if (!f || arg < 0 || static_cast<std::size_t>(arg) >= f->nargs)
        return nullptr;
    return &f->args[arg];
}

/* The English name is the description's (core_row.hxx), the Dutch one the
 * table's. */
OUString argument_name(const OUString &method, sal_Int32 arg, Language language)
{
    const Argument *a = find_argument(method, arg);
    if (!a)
        return OUString();
    if (language == NL)
        return OUString::fromUtf8(a->nl);
    const Function *f = find_method(method);
    const std::string &name = passes(static_cast<std::size_t>(f - FUNCTIONS), arg).name;
    return OUString::fromUtf8(name.empty() ? a->core : name.c_str());
}

OUString text(const Text &t, Language language)
{
    return OUString::fromUtf8(t.in[language]);
}

} // namespace

OUString Functions::getProgrammaticFuntionName(const OUString &display)
{
    for (const Function &f : FUNCTIONS)
        if (display.equalsIgnoreAsciiCaseAscii(f.display))
            return OUString::createFromAscii(f.method);
    return OUString();
}

OUString Functions::getDisplayFunctionName(const OUString &method)
{
    const Function *f = find_method(method);
    return f ? OUString::createFromAscii(f->display) : OUString();
}

OUString Functions::getFunctionDescription(const OUString &method)
{
    const Function *f = find_method(method);
    return f ? text(f->description, language_) : OUString();
}

OUString Functions::getDisplayArgumentName(const OUString &method, sal_Int32 arg)
{
    return argument_name(method, arg, language_);
}

OUString Functions::getArgumentDescription(const OUString &method, sal_Int32 arg)
{
    const Argument *a = find_argument(method, arg);
    return a ? text(a->description, language_) : OUString();
}

OUString Functions::getProgrammaticCategoryName(const OUString &method)
{
    const Function *f = find_method(method);
    return OUString::createFromAscii(f ? f->category : "Add-In");
}

OUString Functions::getDisplayCategoryName(const OUString &method)
{
    const Function *f = find_method(method);
    return f ? text(f->category_name, language_) : OUString("Add-In");
}

void Functions::setLocale(const css::lang::Locale &locale)
{
    locale_ = locale;
    language_ = locale.Language == "nl" ? NL : EN;
}

css::lang::Locale Functions::getLocale()
{
    return locale_;
}

OUString Functions::getServiceName()
{
    return OUString::createFromAscii(SERVICE_NAME);
}

OUString Functions::getImplementationName()
{
    return OUString::createFromAscii(IMPLEMENTATION_NAME);
}

sal_Bool Functions::supportsService(const OUString &name)
{
    return cppu::supportsService(this, name);
}

css::uno::Sequence<OUString> Functions::getSupportedServiceNames()
{
    css::uno::Sequence<OUString> names(2);
    names.getArray()[0] = "com.sun.star.sheet.AddIn";
    names.getArray()[1] = OUString::createFromAscii(SERVICE_NAME);
    return names;
}

} // namespace clvkit::calc

/* The constructor named in clvkit.components (passive registration). */
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface *
org_clvkit_calc_Functions_get_implementation(css::uno::XComponentContext *,
                                             css::uno::Sequence<css::uno::Any> const &)
{
    return cppu::acquire(new clvkit::calc::Functions);
}
