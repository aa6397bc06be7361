//! Public HTML pages. They work without JavaScript and load nothing from elsewhere.

mod form;
mod views;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::Html;
use torchlight_core::{search, Filters, Vocabulary};
use uuid::Uuid;

use crate::error::{PageError, WebError};
use crate::explain;
use crate::query::{self, find_link};
use crate::state::AppState;

pub use form::{FormOptions, SearchForm, FOCUS_COUNTRIES};
use views::{CountryLink, OrganizationView, ResultView, ServiceView, SuggestionView};

type PageResult = Result<Html<String>, PageError>;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    form: SearchForm,
    countries: Vec<CountryLink>,
    organizations: usize,
    services: usize,
}

pub async fn home(State(state): State<AppState>) -> PageResult {
    let taxonomy = state.taxonomy();
    let directory = state.directory();
    let countries = FOCUS_COUNTRIES
        .iter()
        .map(|code| CountryLink {
            name: taxonomy.label(Vocabulary::Country, code).to_owned(),
            link: format!("/find?country={code}"),
        })
        .collect();
    let page = HomePage {
        form: SearchForm::new(state.form_options(), &Filters::default()),
        countries,
        organizations: directory.organizations.len(),
        services: directory.services.len(),
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "find.html")]
struct FindPage {
    form: SearchForm,
    searched: bool,
    summary: String,
    results: Vec<ResultView>,
    total: usize,
    first: usize,
    last: usize,
    previous: Option<String>,
    next: Option<String>,
    suggestions: Vec<SuggestionView>,
}

pub async fn find(State(state): State<AppState>, RawQuery(raw): RawQuery) -> PageResult {
    let taxonomy = state.taxonomy();
    let query = query::parse(taxonomy, raw.as_deref(), true)?;
    let directory = state.directory();
    let filters = &query.filters;
    let hits = search::search(&directory, taxonomy, filters);
    let total = hits.len();
    let page_size = state.config().page_size.max(1);
    let pages = total.div_ceil(page_size).max(1);
    if query.page > pages {
        return Err(WebError::Malformed {
            parameter: "page".to_owned(),
            message: format!("there are only {pages} pages of results"),
        }
        .into());
    }
    let start = (query.page - 1) * page_size;
    let results = hits
        .iter()
        .skip(start)
        .take(page_size)
        .map(|hit| ResultView::new(taxonomy, hit))
        .collect::<Vec<_>>();
    let suggestions = if total == 0 {
        search::suggestions(&directory, taxonomy, filters)
            .into_iter()
            .map(|s| SuggestionView {
                text: explain::suggestion(s.kind).to_owned(),
                link: find_link(&s.filters, None),
                matches: s.matches,
            })
            .collect()
    } else {
        Vec::new()
    };
    let page = FindPage {
        form: SearchForm::new(state.form_options(), filters),
        searched: !filters.is_empty(),
        summary: views::summary(taxonomy, filters),
        first: start + 1,
        last: start + results.len(),
        results,
        total,
        previous: (query.page > 1).then(|| find_link(filters, Some(query.page - 1))),
        next: (query.page < pages).then(|| find_link(filters, Some(query.page + 1))),
        suggestions,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "service.html")]
struct ServicePage {
    service: ServiceView,
}

pub async fn service(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let id = Uuid::parse_str(&id).map_err(|_| WebError::NotFound)?;
    let directory = state.directory();
    let service = directory.service(id).ok_or(WebError::NotFound)?;
    let organization = directory
        .organization(service.organization_id)
        .ok_or(WebError::NotFound)?;
    let page = ServicePage {
        service: ServiceView::new(state.taxonomy(), service, organization),
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "organization.html")]
struct OrganizationPage {
    organization: OrganizationView,
}

pub async fn organization(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let id = Uuid::parse_str(&id).map_err(|_| WebError::NotFound)?;
    let directory = state.directory();
    let organization = directory.organization(id).ok_or(WebError::NotFound)?;
    let page = OrganizationPage {
        organization: OrganizationView::new(state.taxonomy(), &directory, organization),
    };
    Ok(Html(page.render()?))
}

pub async fn not_found() -> PageError {
    PageError(WebError::NotFound)
}
