//! What every page's frame needs: the language, its messages, the prefix internal
//! links keep, and the language switch.

use std::borrow::Cow;

use torchlight_i18n::{FluentArgs, Locale, Localizer};

use crate::locale::PageLocale;
use crate::state::AppState;

/// One entry of the language switch.
/// The neutral site of the "leave quickly" link on every public page.
pub const QUICK_EXIT: &str = "https://www.wikipedia.org/";

pub struct LanguageLink {
    pub code: &'static str,
    /// The language's name in itself.
    pub name: &'static str,
    /// The same page and search in that language.
    pub href: String,
    pub current: bool,
}

pub struct PageContext<'a> {
    pub localizer: &'a Localizer,
    pub locale: Locale,
    /// `/ru` when the request named its language in the path, else empty.
    pub prefix: String,
    pub languages: Vec<LanguageLink>,
}

impl<'a> PageContext<'a> {
    pub fn new(state: &'a AppState, page: &PageLocale) -> PageContext<'a> {
        let rest = if page.path_and_query == "/" {
            ""
        } else {
            page.path_and_query.as_str()
        };
        let languages = Locale::all()
            .map(|locale| LanguageLink {
                code: locale.code(),
                name: locale.native_name(),
                href: if rest.is_empty() {
                    format!("/{}/", locale.code())
                } else {
                    format!("/{}{rest}", locale.code())
                },
                current: locale == page.locale,
            })
            .collect();
        PageContext {
            localizer: state.localizer(),
            locale: page.locale,
            prefix: page.prefix(),
            languages,
        }
    }

    /// Without the language switch: for a page that answers a form (a receipt,
    /// a status page), where following a link to another language would lose
    /// what the page shows (a codename shown once).
    pub fn without_language_switch(mut self) -> Self {
        self.languages.clear();
        self
    }

    /// A message of the page's language (templates call it `ctx.t("id")`).
    pub fn t(&self, id: &str) -> Cow<'a, str> {
        self.localizer.text(self.locale, id)
    }

    pub fn text(&self, id: &str) -> Cow<'a, str> {
        self.localizer.text(self.locale, id)
    }

    pub fn text_with(&self, id: &str, args: &FluentArgs<'_>) -> Cow<'a, str> {
        self.localizer.text_with(self.locale, id, args)
    }

    /// The `lang` attribute of the page.
    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// An internal link that keeps the page's language prefix.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// Where "leave quickly" goes: a site anyone may be seen reading, in no way
    /// about rights or help.
    pub fn quick_exit(&self) -> &'static str {
        QUICK_EXIT
    }

    /// The page's title as the browser tab shows it.
    pub fn page_title(&self, title: &str) -> Cow<'a, str> {
        self.text_with(
            "common-page-title",
            &torchlight_i18n::args([("title", title.to_owned().into())]),
        )
    }
}
