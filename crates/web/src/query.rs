//! Reading search filters from a query string. Shared by `/find` and the API so a
//! search link means the same thing in both.

use torchlight_core::{Filters, RawFilters, Taxonomy};

use crate::error::WebError;

/// The query parameters a search understands.
pub const FILTER_PARAMETERS: [&str; 7] = [
    "country", "region", "support", "group", "language", "format", "family",
];

/// A parsed search: the filters and, for pages, which page of results.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub filters: Filters,
    pub page: usize,
}

/// Parses `country=KG&support=legal&page=2`. Every parameter may appear once; an
/// unknown parameter is refused so a mistyped filter never silently widens a search.
pub fn parse(
    taxonomy: &Taxonomy,
    raw_query: Option<&str>,
    allow_page: bool,
) -> Result<SearchQuery, WebError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw_query.unwrap_or_default())
        .map_err(|e| WebError::UnreadableQuery(e.to_string()))?;
    let mut raw = RawFilters::default();
    let mut page = None;
    for (key, value) in pairs {
        let slot = match key.as_str() {
            "country" => &mut raw.country,
            "region" => &mut raw.region,
            "support" => &mut raw.support,
            "group" => &mut raw.group,
            "language" => &mut raw.language,
            "format" => &mut raw.format,
            "family" => &mut raw.family,
            "page" if allow_page => &mut page,
            other => {
                return Err(WebError::UnknownParameter {
                    parameter: other.chars().take(40).collect(),
                })
            }
        };
        if slot.is_some() {
            return Err(WebError::RepeatedParameter { parameter: key });
        }
        *slot = Some(value);
    }
    let filters = Filters::parse(taxonomy, &raw)?;
    let page = match page.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => 1,
        Some(p) => match p.parse::<usize>() {
            Ok(n) if (1..=10_000).contains(&n) => n,
            _ => {
                return Err(WebError::NotAPageNumber {
                    value: p.chars().take(20).collect(),
                })
            }
        },
    };
    Ok(SearchQuery { filters, page })
}

/// A link to `/find` with these filters (and page), with every value encoded.
pub fn find_link(filters: &Filters, page: Option<usize>) -> String {
    let mut pairs = filters.to_query_pairs();
    if let Some(page) = page.filter(|p| *p > 1) {
        pairs.push(("page", page.to_string()));
    }
    match serde_urlencoded::to_string(&pairs) {
        Ok(q) if !q.is_empty() => format!("/find?{q}"),
        _ => "/find".to_owned(),
    }
}
