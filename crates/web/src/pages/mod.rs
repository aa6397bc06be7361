//! Public HTML pages. They work without JavaScript, load nothing from elsewhere and
//! speak the language chosen by `crate::locale`.

mod context;
pub(crate) mod form;
mod request;
pub(crate) mod request_form;
mod views;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::Html;
use torchlight_core::{search, Filters, OrganizationId, Vocabulary};
use torchlight_i18n::args;
use uuid::Uuid;

use crate::error::{PageError, WebError};
use crate::explain::Words;
use crate::locale::PageLocale;
use crate::query::{self, find_link};
use crate::state::AppState;

pub use context::{LanguageLink, PageContext, QUICK_EXIT};
pub use form::{FormOptions, SearchForm, FOCUS_COUNTRIES};
pub use request::{
    guide_form, guide_result, practise, reply, report, request_form, status, status_form,
    submit_request, withdraw,
};
use views::{CountryLink, OrganizationView, ResultView, ServiceView, SuggestionView};

type PageResult = Result<Html<String>, PageError>;

fn words<'a>(state: &'a AppState, page: &PageLocale) -> Words<'a> {
    Words::new(state.localizer(), page.locale, state.taxonomy())
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    ctx: PageContext<'a>,
    title: String,
    form: SearchForm,
    countries: Vec<CountryLink>,
    lead: String,
    safety: String,
}

pub async fn home(State(state): State<AppState>, page: PageLocale) -> PageResult {
    let words = words(&state, &page);
    let ctx = PageContext::new(&state, &page);
    let directory = state.directory();
    let countries = FOCUS_COUNTRIES
        .iter()
        .map(|code| CountryLink {
            name: words.country(code).into_owned(),
            link: ctx.link(&format!("/find?country={code}")),
        })
        .collect();
    let lead = ctx
        .text_with(
            "home-lead",
            &args([
                ("services", directory.services.len().into()),
                ("organizations", directory.organizations.len().into()),
            ]),
        )
        .into_owned();
    let safety = ctx
        .text_with(
            "home-safety",
            &args([
                (
                    "legal",
                    words.label(Vocabulary::SupportType, "legal").into(),
                ),
                (
                    "medical",
                    words
                        .label(Vocabulary::SupportType, "medical_emergency")
                        .into(),
                ),
            ]),
        )
        .into_owned();
    let page = HomePage {
        title: ctx.text("home-title").into_owned(),
        form: SearchForm::new(state.form_options(page.locale), &Filters::default()),
        countries,
        lead,
        safety,
        ctx,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "find.html")]
struct FindPage<'a> {
    ctx: PageContext<'a>,
    form: SearchForm,
    /// The page title: what was searched for, or the page's name.
    title: String,
    /// The results' heading.
    heading: String,
    results: Vec<ResultView>,
    paging_info: Option<String>,
    first: usize,
    previous: Option<String>,
    next: Option<String>,
    suggestions: Vec<SuggestionView>,
}

pub async fn find(
    State(state): State<AppState>,
    page: PageLocale,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let taxonomy = state.taxonomy();
    let words = words(&state, &page);
    let ctx = PageContext::new(&state, &page);
    let query = query::parse(taxonomy, raw.as_deref(), true)?;
    let directory = state.directory();
    let filters = &query.filters;
    let hits = search::search(&directory, taxonomy, filters);
    let total = hits.len();
    let page_size = state.config().page_size.max(1);
    let pages = total.div_ceil(page_size).max(1);
    if query.page > pages {
        return Err(WebError::PageOutOfRange { pages }.into());
    }
    let start = (query.page - 1) * page_size;
    let prefix = ctx.prefix.clone();
    let results = hits
        .iter()
        .skip(start)
        .take(page_size)
        .map(|hit| ResultView::new(&words, &prefix, hit))
        .collect::<Vec<_>>();
    let suggestions = if total == 0 {
        search::suggestions(&directory, taxonomy, filters)
            .into_iter()
            .map(|s| SuggestionView {
                text: words.suggestion(s.kind).into_owned(),
                link: ctx.link(&find_link(&s.filters, None)),
                matches: ctx
                    .text_with(
                        "find-suggestion-count",
                        &args([("count", s.matches.into())]),
                    )
                    .into_owned(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let summary = views::summary(&words, filters);
    let heading = if total > 0 {
        ctx.text_with(
            "find-results-heading",
            &args([("summary", summary.clone().into()), ("count", total.into())]),
        )
    } else {
        ctx.text_with(
            "find-no-match-heading",
            &args([("summary", summary.clone().into())]),
        )
    }
    .into_owned();
    let paging_info = (total > results.len()).then(|| {
        ctx.text_with(
            "find-paging-info",
            &args([
                ("first", (start + 1).into()),
                ("last", (start + results.len()).into()),
                ("total", total.into()),
            ]),
        )
        .into_owned()
    });
    let page = FindPage {
        form: SearchForm::new(state.form_options(page.locale), filters),
        title: if filters.is_empty() {
            ctx.text("find-title").into_owned()
        } else {
            summary
        },
        heading,
        first: start + 1,
        results,
        paging_info,
        previous: (query.page > 1).then(|| ctx.link(&find_link(filters, Some(query.page - 1)))),
        next: (query.page < pages).then(|| ctx.link(&find_link(filters, Some(query.page + 1)))),
        suggestions,
        ctx,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "service.html")]
struct ServicePage<'a> {
    ctx: PageContext<'a>,
    title: String,
    service: ServiceView,
}

pub async fn service(
    State(state): State<AppState>,
    page: PageLocale,
    Path(id): Path<String>,
) -> PageResult {
    let id = Uuid::parse_str(&id).map_err(|_| WebError::NotFound)?;
    let directory = state.directory();
    let service = directory.service(id).ok_or(WebError::NotFound)?;
    let organization = directory
        .organization(service.organization_id)
        .ok_or(WebError::NotFound)?;
    let ctx = PageContext::new(&state, &page);
    let service = ServiceView::new(&words(&state, &page), &ctx.prefix, service, organization);
    let page = ServicePage {
        title: service.name.text.clone(),
        service,
        ctx,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "organization.html")]
struct OrganizationPage<'a> {
    ctx: PageContext<'a>,
    title: String,
    organization: OrganizationView,
}

pub async fn organization(
    State(state): State<AppState>,
    page: PageLocale,
    Path(id): Path<String>,
) -> PageResult {
    let id: OrganizationId = id.parse().map_err(|_| WebError::NotFound)?;
    let directory = state.directory();
    let organization = directory.organization(id).ok_or(WebError::NotFound)?;
    let ctx = PageContext::new(&state, &page);
    let organization =
        OrganizationView::new(&words(&state, &page), &ctx.prefix, &directory, organization);
    let page = OrganizationPage {
        title: organization.name.text.clone(),
        organization,
        ctx,
    };
    Ok(Html(page.render()?))
}

pub async fn not_found() -> PageError {
    PageError(WebError::NotFound)
}
