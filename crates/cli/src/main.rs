//! The `torchlight` binary: serve, demo, import and export.

mod commands;
mod config;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
}

#[derive(Subcommand)]
enum ImportWhat {
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
    }
}
