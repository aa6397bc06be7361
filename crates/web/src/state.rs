//! What every handler shares: the vocabularies, the in-memory directory and the store.

use std::sync::Arc;

use arc_swap::ArcSwap;
use torchlight_core::{Directory, Taxonomy};
use torchlight_store::{SharedStore, StoreError};

use crate::config::WebConfig;
use crate::pages::FormOptions;

/// Shared state. The directory is small, public and read-mostly, so searches run
/// against an in-memory copy that is swapped whole when the stored directory changes.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    taxonomy: Arc<Taxonomy>,
    directory: ArcSwap<Directory>,
    store: SharedStore,
    config: WebConfig,
    form_options: FormOptions,
}

impl AppState {
    /// Loads the directory from the store; the server is ready when this returns.
    pub async fn load(
        taxonomy: Arc<Taxonomy>,
        store: SharedStore,
        config: WebConfig,
    ) -> Result<AppState, StartError> {
        let directory = store.load_directory().await?;
        let form_options = FormOptions::new(&taxonomy)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                taxonomy,
                directory: ArcSwap::from_pointee(directory),
                store,
                config,
                form_options,
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

    pub fn store(&self) -> &SharedStore {
        &self.inner.store
    }

    /// The search form's option lists, rendered once for the taxonomy.
    pub fn form_options(&self) -> &FormOptions {
        &self.inner.form_options
    }

    pub fn config(&self) -> &WebConfig {
        &self.inner.config
    }

    /// Re-reads the directory after the store changed.
    pub async fn reload_directory(&self) -> Result<(), StoreError> {
        let directory = self.inner.store.load_directory().await?;
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
}
