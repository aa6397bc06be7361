//! What every handler shares: the vocabularies, the in-memory directory and the
//! application layer.

use std::sync::Arc;

use arc_swap::ArcSwap;
use torchlight_app::App;
use torchlight_core::{Directory, Taxonomy};
use torchlight_store::StoreError;

use torchlight_crypto::vault::Vault;
use torchlight_i18n::{I18nError, Locale, Localizer};

use crate::config::WebConfig;
use crate::explain::Words;
use crate::pages::FormOptions;
use crate::staff::webauthn::SecurityKeys;

/// Shared state. The directory is small, public and read-mostly, so searches run
/// against an in-memory copy that is swapped whole when the stored directory changes.
/// Everything else goes through the application layer (`app()`): handlers never
/// reach the store.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    taxonomy: Arc<Taxonomy>,
    directory: ArcSwap<Directory>,
    app: App,
    config: WebConfig,
    localizer: Localizer,
    /// English's set, then one per other locale in the order of `Locale::all()`
    /// (which starts with English).
    english_form: FormOptions,
    other_forms: Vec<FormOptions>,
    security_keys: SecurityKeys,
}

impl AppState {
    /// Loads the directory from the store; the server is ready when this returns.
    pub async fn load(
        taxonomy: Arc<Taxonomy>,
        app: App,
        config: WebConfig,
    ) -> Result<AppState, StartError> {
        let directory = app.store().load_directory().await?;
        let localizer = Localizer::load()?;
        let form = |locale| FormOptions::new(&Words::new(&localizer, locale, &taxonomy));
        let english_form = form(Locale::ENGLISH)?;
        let other_forms = Locale::all()
            .filter(|l| *l != Locale::ENGLISH)
            .map(form)
            .collect::<Result<Vec<_>, _>>()?;
        let security_keys =
            SecurityKeys::new(config.webauthn_origin.as_deref()).map_err(StartError::Config)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                security_keys,
                taxonomy,
                directory: ArcSwap::from_pointee(directory),
                app,
                config,
                localizer,
                english_form,
                other_forms,
            }),
        })
    }

    pub fn taxonomy(&self) -> &Taxonomy {
        &self.inner.taxonomy
    }

    /// A consistent snapshot of the directory for the length of one request.
    pub fn directory(&self) -> Arc<Directory> {
        self.inner.directory.load_full()
    }

    /// The application layer: every staff operation goes through it.
    pub fn app(&self) -> &App {
        &self.inner.app
    }

    /// Every language's messages and vocabulary labels.
    pub fn localizer(&self) -> &Localizer {
        &self.inner.localizer
    }

    /// The search form's option lists in one language, rendered once at start.
    pub fn form_options(&self, locale: Locale) -> &FormOptions {
        Locale::all()
            .filter(|l| *l != Locale::ENGLISH)
            .position(|l| l == locale)
            .and_then(|i| self.inner.other_forms.get(i))
            .unwrap_or(&self.inner.english_form)
    }

    /// The in-memory keys; sealed at start.
    pub fn vault(&self) -> &Arc<Vault> {
        self.inner.app.vault()
    }

    /// WebAuthn: the relying party and ceremonies in progress.
    pub fn security_keys(&self) -> &SecurityKeys {
        &self.inner.security_keys
    }

    pub fn config(&self) -> &WebConfig {
        &self.inner.config
    }

    /// Re-reads the directory after the store changed.
    pub async fn reload_directory(&self) -> Result<(), StoreError> {
        let directory = self.inner.app.store().load_directory().await?;
        self.inner.directory.store(Arc::new(directory));
        Ok(())
    }
}

/// Why the server could not get ready.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot render the search form: {0}")]
    Template(#[from] askama::Error),
    #[error("cannot load the translations: {0}")]
    I18n(#[from] I18nError),
    #[error("configuration: {0}")]
    Config(String),
}
