//! The `torchlight` binary: serve, demo, import, export, and the security core's
//! commands (init, unseal, seal, rotate, user, audit verify).

mod commands;
mod config;
mod control;
mod demo;
mod import_cases;
mod keyfile;
mod security;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc rather than the system's allocator: intake allocates and frees many
/// small buffers a request (JSON, sealed fields, SQL values) from two threads at
/// once, and glibc's malloc spent a tenth of the server's time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bad input from the user: a wrong flag value, a malformed file. Exits with 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

#[derive(Parser)]
#[command(
    name = "torchlight",
    version,
    about = "Protection for human rights defenders at risk"
)]
struct Cli {
    /// Configuration file (default: ./torchlight.toml when present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct ServerArgs {
    /// Address and port to listen on [default: 127.0.0.1:8080].
    #[arg(long)]
    listen: Option<std::net::SocketAddr>,
    /// Data directory [default: ./torchlight-data].
    #[arg(long)]
    data_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the directory and the API.
    Serve(ServerArgs),
    /// Create the demo coalition in the data directory (if empty) and serve it.
    Demo {
        #[command(flatten)]
        server: ServerArgs,
        /// Throw away the data directory's directory data and load the demo afresh.
        #[arg(long)]
        reset: bool,
    },
    /// Import data.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Export data.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Set up the keyring: the root key (from a passphrase, or split into shares
    /// for trustees) and a key pair for every organisation.
    Init {
        #[command(flatten)]
        seal: SealArgs,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Give the running server the passphrase, or one trustee's share.
    Unseal {
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Drop every key from the running server's memory at once.
    Seal {
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Replace keys on the running, unsealed server.
    Rotate {
        #[command(subcommand)]
        what: RotateWhat,
    },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        what: UserWhat,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        what: AuditWhat,
    },
}

#[derive(clap::Args, Clone)]
struct SealArgs {
    /// Split the root key into shares for trustees instead of using a passphrase.
    #[arg(long)]
    shares: Option<u8>,
    /// How many shares unseal (with --shares) [default: 3].
    #[arg(long, requires = "shares")]
    threshold: Option<u8>,
}

impl SealArgs {
    fn mode(&self) -> security::InitMode {
        match self.shares {
            Some(shares) => security::InitMode::Shares {
                threshold: self.threshold.unwrap_or(3),
                shares,
            },
            None => security::InitMode::Passphrase,
        }
    }
}

#[derive(Subcommand)]
enum RotateWhat {
    /// A new key pair for one organisation (by id or exact name); its cases' keys
    /// are re-wrapped, their content untouched.
    Org {
        organization: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// A new root key; organisation keys are re-wrapped. New passphrase or shares.
    Root {
        #[command(flatten)]
        seal: SealArgs,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum UserWhat {
    /// Create an account; prints its one-time password.
    Add {
        /// The organisation: its id or exact name in the directory.
        #[arg(long)]
        org: String,
        #[arg(long)]
        username: String,
        /// The person's name as colleagues know it.
        #[arg(long)]
        name: String,
        /// caseworker, coordinator, org_admin, system_admin or analyst.
        #[arg(long)]
        role: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Disable an account and end its sessions.
    Disable {
        username: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Enable a disabled account.
    Enable {
        username: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// New one-time password; second factor removed; sessions ended.
    Reset {
        username: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// The accounts of one organisation.
    List {
        #[arg(long)]
        org: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AuditWhat {
    /// Check the whole hash chain and its signatures; names the first bad entry.
    Verify {
        /// A head printed earlier by `audit head` (SEQ:HASH): the log must still
        /// hold that entry, so a log rebuilt or cut since is caught.
        #[arg(long, value_name = "SEQ:HASH")]
        expect_head: Option<torchlight_crypto::audit::ExportedHead>,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Verify the log, then print its head (SEQ:HASH) to keep somewhere else.
    Head {
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ImportWhat {
    /// Add an organisation's cases from a JSON Lines file (one case a line:
    /// country, urgency, name, contact, narrative), all or none: every line is
    /// checked first, each problem named by its line and field.
    Cases {
        file: PathBuf,
        /// The organisation the cases belong to: its id or exact name.
        #[arg(long)]
        org: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Check the file and report, without storing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Replace the directory with an HSDS 3 dataset or a Torchlight JSON export.
    /// Everything is checked first; on any error nothing changes.
    Directory {
        file: PathBuf,
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Support type for records that carry none (foreign HSDS data).
        #[arg(long)]
        default_support: Option<String>,
        /// Country for records that carry none (foreign HSDS data).
        #[arg(long)]
        default_country: Option<String>,
        /// Language for records that carry none (foreign HSDS data).
        #[arg(long)]
        default_language: Option<String>,
        /// Check the file and report, without storing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormatArg {
    /// Open Referral HSDS 3 JSON (organizations with nested services).
    Hsds,
    /// Torchlight's own JSON.
    Json,
    /// HSDS tabular CSV files, written into the --output directory.
    Csv,
}

#[derive(Subcommand)]
enum ExportWhat {
    /// Write the directory out.
    Directory {
        #[arg(long, value_enum, default_value = "hsds")]
        format: ExportFormatArg,
        /// File (or directory, for csv) to write; standard output when absent.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Include the ally roster (Torchlight JSON only): staff-only contacts.
        #[arg(long)]
        with_allies: bool,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if let Some(bad) = error.downcast_ref::<BadInput>() {
                eprintln!("error: {bad}");
                ExitCode::from(2)
            } else {
                eprintln!("error: {error:#}");
                ExitCode::from(1)
            }
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let file = cli.config.as_deref();
    match cli.command {
        Command::Serve(args) => {
            commands::serve(file, args.listen, args.data_dir, false, false).await
        }
        Command::Demo { server, reset } => {
            commands::serve(file, server.listen, server.data_dir, true, reset).await
        }
        Command::Import {
            what:
                ImportWhat::Cases {
                    file: input,
                    org,
                    data_dir,
                    dry_run,
                },
        } => {
            let taxonomy = commands::configured_taxonomy(file, data_dir.clone())?;
            let app = commands::open_configured_app(file, data_dir).await?;
            import_cases::import_cases(app, &taxonomy, &org, &input, dry_run).await
        }
        Command::Import {
            what:
                ImportWhat::Directory {
                    file: input,
                    data_dir,
                    default_support,
                    default_country,
                    default_language,
                    dry_run,
                },
        } => {
            let defaults = commands::ImportDefaults {
                support: default_support,
                country: default_country,
                language: default_language,
            };
            commands::import_directory(file, data_dir, &input, &defaults, dry_run).await
        }
        Command::Export {
            what:
                ExportWhat::Directory {
                    format,
                    output,
                    with_allies,
                    data_dir,
                },
        } => {
            commands::export_directory(file, data_dir, format, output.as_deref(), with_allies).await
        }
        Command::Init { seal, data_dir } => {
            let app = commands::open_configured_app(file, data_dir).await?;
            security::init(app, seal.mode()).await
        }
        Command::Unseal { data_dir } => {
            security::unseal(&commands::configured_data_dir(file, data_dir)?).await
        }
        Command::Seal { data_dir } => {
            security::seal(&commands::configured_data_dir(file, data_dir)?).await
        }
        Command::Rotate { what } => match what {
            RotateWhat::Org {
                organization,
                data_dir,
            } => {
                let dir = commands::configured_data_dir(file, data_dir)?;
                security::rotate_organization(&dir, organization).await
            }
            RotateWhat::Root { seal, data_dir } => {
                let dir = commands::configured_data_dir(file, data_dir)?;
                security::rotate_root(&dir, seal.mode()).await
            }
        },
        Command::User { what } => match what {
            UserWhat::Add {
                org,
                username,
                name,
                role,
                data_dir,
            } => {
                let app = commands::open_configured_app(file, data_dir).await?;
                let add = security::AddUser {
                    organization: org,
                    username,
                    name,
                    role,
                };
                security::user_add(app, add).await
            }
            UserWhat::Disable { username, data_dir } => {
                let app = commands::open_configured_app(file, data_dir).await?;
                security::user_set_disabled(app, &username, true).await
            }
            UserWhat::Enable { username, data_dir } => {
                let app = commands::open_configured_app(file, data_dir).await?;
                security::user_set_disabled(app, &username, false).await
            }
            UserWhat::Reset { username, data_dir } => {
                let app = commands::open_configured_app(file, data_dir).await?;
                security::user_reset(app, &username).await
            }
            UserWhat::List { org, data_dir } => {
                let app = commands::open_configured_app(file, data_dir).await?;
                security::user_list(app, &org).await
            }
        },
        Command::Audit {
            what:
                AuditWhat::Verify {
                    expect_head,
                    data_dir,
                },
        } => {
            let app = commands::open_configured_app(file, data_dir).await?;
            security::audit_verify(app, expect_head).await
        }
        Command::Audit {
            what: AuditWhat::Head { data_dir },
        } => {
            let app = commands::open_configured_app(file, data_dir).await?;
            security::audit_head(app).await
        }
    }
}
