//! What each subcommand does. Thin: the rules live in the library crates.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use torchlight_app::{App, SystemClock};
use torchlight_core::taxonomy::SourceFile;
use torchlight_core::{Code, Directory, Taxonomy, Vocabulary};
use torchlight_exchange::ImportOptions;
use torchlight_store::SharedStore;
use torchlight_web::AppState;

use crate::config::{Config, Overrides};
use crate::{BadInput, ExportFormatArg};

/// The demo coalition shipped with the binary.
const DEMO_DIRECTORY: &str = include_str!("../../../data/demo/directory.json");

fn load_config(
    file: Option<&Path>,
    listen: Option<std::net::SocketAddr>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<Config> {
    let config = Config::load(file, &Overrides { listen, data_dir })?;
    init_logging(&config.log);
    Ok(config)
}

fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Logs go to standard error so exports on standard output stay clean.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
}

/// The built-in vocabularies plus any files in `<data-dir>/taxonomy/`.
fn load_taxonomy(config: &Config) -> anyhow::Result<Arc<Taxonomy>> {
    let folder = config.data_dir.join("taxonomy");
    let mut extensions = Vec::new();
    if folder.is_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .with_context(|| format!("cannot read {}", folder.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            extensions.push(SourceFile {
                name: path.display().to_string(),
                text,
            });
        }
    }
    let taxonomy = Taxonomy::load(&extensions).map_err(|e| BadInput(format!("taxonomy: {e}")))?;
    Ok(Arc::new(taxonomy))
}

/// The taxonomy (built in, with the data directory's extensions) a command checks
/// against.
pub fn configured_taxonomy(
    file: Option<&Path>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<Arc<Taxonomy>> {
    let config = load_config(file, None, data_dir)?;
    load_taxonomy(&config)
}

/// The application over the configured data directory's store, for commands that
/// need no server (sealed: they never hold a key).
pub struct ConfiguredApp {
    pub app: App,
}

pub async fn open_configured_app(
    file: Option<&Path>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<ConfiguredApp> {
    let config = load_config(file, None, data_dir)?;
    let app_config = config.app()?;
    let store = open_store(&config).await?;
    Ok(ConfiguredApp {
        app: App::new(store, Arc::new(SystemClock), &app_config),
    })
}

/// The data directory a command names, for commands that talk to the server.
pub fn configured_data_dir(
    file: Option<&Path>,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<PathBuf> {
    Ok(load_config(file, None, data_dir)?.data_dir)
}

async fn open_store(config: &Config) -> anyhow::Result<SharedStore> {
    if !config.uses_postgres() {
        config.ensure_data_dir()?;
    }
    torchlight_store::open(&config.database_location())
        .await
        .context("cannot open the database")
}

/// `serve` and `demo`: open the store, fill it with the demo when asked, then serve
/// until interrupted.
pub async fn serve(
    file: Option<&Path>,
    listen: Option<std::net::SocketAddr>,
    data_dir: Option<PathBuf>,
    demo: bool,
    reset: bool,
) -> anyhow::Result<()> {
    let config = load_config(file, listen, data_dir)?;
    config.check_transport()?;
    let app_config = config.app()?;
    let taxonomy = load_taxonomy(&config)?;
    // Bound before anything is written: a busy port must not cost a `--reset`'s data.
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| BadInput(format!("cannot listen on {}: {e}", config.listen)))?;
    if demo && reset && !config.uses_postgres() {
        remove_sqlite_files(&config)?;
    }
    let store = open_store(&config).await?;
    if demo && (reset || store.directory_is_empty().await?) {
        let mut directory: Directory = serde_json::from_str(DEMO_DIRECTORY)
            .context("the built-in demo directory is malformed")?;
        directory.validate(&taxonomy).map_err(|errors| {
            invalid_directory(
                "the built-in demo directory does not fit the taxonomy",
                &errors,
            )
        })?;
        store.replace_directory(&directory).await?;
        tracing::info!(
            organizations = directory.organizations.len(),
            services = directory.services.len(),
            "demo coalition created"
        );
    }
    let bound = listener.local_addr()?;
    let app = App::new(store, Arc::new(SystemClock), &app_config);
    let state = AppState::load(taxonomy, app, config.web(bound)).await?;
    if demo {
        crate::demo::prepare(&state).await?;
    } else {
        report_seal_state(&state).await?;
    }
    config.ensure_data_dir()?;
    crate::control::listen(crate::control::socket_path(&config.data_dir), state.clone()).await?;
    let address = listener.local_addr()?;
    if demo {
        println!("Torchlight demo is ready at http://{address}/ (try http://{address}/find?country=KG&support=digital_security)");
    } else {
        println!("Torchlight is listening on http://{address}/");
    }
    torchlight_web::serve(listener, state, shutdown_signal()).await?;
    Ok(())
}

async fn report_seal_state(state: &AppState) -> anyhow::Result<()> {
    let status = state.app().keyring().status(None).await?;
    if status != torchlight_app::keyring::KeyringStatus::NotInitialized {
        tracing::info!("sealed: no case can be read until `torchlight unseal` or /unseal");
    } else {
        tracing::warn!(
            "the keyring is not set up: run `torchlight init`; staff pages stay closed until then"
        );
    }
    Ok(())
}

/// A directory the program itself assembled failed validation: a bug, not bad input.
fn invalid_directory(what: &str, errors: &[torchlight_core::RecordError]) -> anyhow::Error {
    let details: Vec<String> = errors.iter().map(ToString::to_string).collect();
    anyhow::anyhow!("{what}: {}", details.join("; "))
}

fn remove_sqlite_files(config: &Config) -> anyhow::Result<()> {
    let path = config.sqlite_path();
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", file.display())),
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let terminate = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
    tracing::info!("shutting down");
}

pub struct ImportDefaults {
    pub support: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
}

fn resolve_default(
    taxonomy: &Taxonomy,
    flag: &str,
    vocabulary: Vocabulary,
    value: &Option<String>,
) -> anyhow::Result<Option<Code>> {
    value
        .as_deref()
        .map(|v| {
            Code::parse(vocabulary, v)
                .and_then(|c| {
                    taxonomy
                        .resolve(vocabulary, c.as_str())
                        .map_err(|e| e.to_string())
                })
                .map_err(|m| BadInput(format!("--{flag}: {m}")).into())
        })
        .transpose()
}

/// `import directory FILE`: validate everything, then replace the stored directory
/// in one transaction.
pub async fn import_directory(
    file: Option<&Path>,
    data_dir: Option<PathBuf>,
    input: &Path,
    defaults: &ImportDefaults,
    dry_run: bool,
) -> anyhow::Result<()> {
    let config = load_config(file, None, data_dir)?;
    let taxonomy = load_taxonomy(&config)?;
    let options = ImportOptions {
        default_support: resolve_default(
            &taxonomy,
            "default-support",
            Vocabulary::SupportType,
            &defaults.support,
        )?,
        default_country: resolve_default(
            &taxonomy,
            "default-country",
            Vocabulary::Country,
            &defaults.country,
        )?,
        default_language: resolve_default(
            &taxonomy,
            "default-language",
            Vocabulary::Language,
            &defaults.language,
        )?,
    };
    let bytes = std::fs::read(input)
        .map_err(|e| BadInput(format!("cannot read {}: {e}", input.display())))?;
    let mut directory =
        torchlight_exchange::import(&bytes, &taxonomy, &options).map_err(|errors| {
            let shown: Vec<String> = errors.iter().take(50).map(|e| format!("  {e}")).collect();
            let more = errors.len().saturating_sub(shown.len());
            BadInput(format!(
                "{} is not imported; nothing was changed. {} problem(s):\n{}{}",
                input.display(),
                errors.len(),
                shown.join("\n"),
                if more > 0 {
                    format!("\n  ... and {more} more")
                } else {
                    String::new()
                }
            ))
        })?;
    if dry_run {
        println!(
            "{} is valid: {} organisations, {} services, {} allies (dry run, nothing stored)",
            input.display(),
            directory.organizations.len(),
            directory.services.len(),
            directory.allies.len()
        );
        return Ok(());
    }
    let store = open_store(&config).await?;
    let mut kept_allies = 0;
    if directory.allies.is_empty() {
        // HSDS carries no ally roster (ally contacts are staff-only), so an HSDS
        // import keeps the roster of organisations that are still in the directory.
        let current = store.load_directory().await?;
        let allies: Vec<_> = current
            .allies
            .into_iter()
            .filter(|a| directory.organization(a.organization_id).is_some())
            .collect();
        kept_allies = allies.len();
        directory.allies = allies;
        directory
            .validate(&taxonomy)
            .map_err(|errors| invalid_directory("the kept ally roster does not fit", &errors))?;
    }
    store.replace_directory(&directory).await?;
    println!(
        "imported {}: {} organisations, {} services, {} allies{}",
        input.display(),
        directory.organizations.len(),
        directory.services.len(),
        directory.allies.len(),
        if kept_allies > 0 {
            " (ally roster kept from before)"
        } else {
            ""
        }
    );
    Ok(())
}

/// `export directory`: HSDS JSON, Torchlight JSON or HSDS tabular CSV.
pub async fn export_directory(
    file: Option<&Path>,
    data_dir: Option<PathBuf>,
    format: ExportFormatArg,
    output: Option<&Path>,
    with_allies: bool,
) -> anyhow::Result<()> {
    let config = load_config(file, None, data_dir)?;
    if with_allies && !matches!(format, ExportFormatArg::Json) {
        return Err(BadInput("--with-allies needs --format json: HSDS is public data and never carries the ally roster".into()).into());
    }
    let taxonomy = load_taxonomy(&config)?;
    let store = open_store(&config).await?;
    let directory = store.load_directory().await?;
    match format {
        ExportFormatArg::Hsds | ExportFormatArg::Json => {
            let value = match format {
                ExportFormatArg::Hsds => torchlight_exchange::export_hsds(&directory, &taxonomy),
                _ => torchlight_exchange::export_json(&directory, with_allies),
            };
            let mut text = serde_json::to_string_pretty(&value)?;
            text.push('\n');
            match output {
                Some(path) => write_new(path, text.as_bytes())?,
                None => print!("{text}"),
            }
        }
        ExportFormatArg::Csv => {
            let folder = output.ok_or_else(|| {
                BadInput("--format csv writes several files: give --output DIRECTORY".into())
            })?;
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
            for (name, bytes) in torchlight_exchange::export_csv(&directory, &taxonomy)? {
                write_new(&folder.join(name), &bytes)?;
            }
        }
    }
    if let Some(path) = output {
        eprintln!(
            "exported {} organisations and {} services to {}",
            directory.organizations.len(),
            directory.services.len(),
            path.display()
        );
    }
    Ok(())
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let temporary = path.with_extension("partial");
    // The message names the file the user asked for, not the temporary one.
    std::fs::write(&temporary, bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    std::fs::rename(&temporary, path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
