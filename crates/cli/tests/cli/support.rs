//! The binary under test, run in a working directory of its own with a clean
//! environment, against a fresh SQLite data directory or a fresh PostgreSQL database.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tempfile::TempDir;
use torchlight_core::Directory;
use torchlight_store::testing::TestDb;

pub use torchlight_store::Engine;

pub const BINARY: &str = env!("CARGO_BIN_EXE_torchlight");

/// Longer than any command needs, even against PostgreSQL on a busy machine; a command
/// still running after this is stuck (e.g. serving when it should have refused).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// The demo coalition file in the repository.
pub fn demo_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo/directory.json")
}

/// The demo file's record counts: (organisations, services, allies).
pub fn demo_counts() -> (usize, usize, usize) {
    let text = std::fs::read_to_string(demo_file()).expect("read the demo file");
    let demo: Directory = serde_json::from_str(&text).expect("the demo file parses");
    (
        demo.organizations.len(),
        demo.services.len(),
        demo.allies.len(),
    )
}

/// A Torchlight JSON directory of one organisation with one service of `support`.
pub fn one_organization(support: &str) -> Value {
    json!({
        "organizations": [{
            "id": "00000000-0000-4000-8000-0000000000a1",
            "name": "Lone Lantern Collective",
            "kind": "local_cso",
            "countries": ["KG"],
            "languages": ["ky", "ru"],
            "description": "The only organisation in this directory.",
            "public_contact": "lantern@example.org"
        }],
        "services": [{
            "id": "00000000-0000-4000-8000-0000000000b1",
            "organization_id": "00000000-0000-4000-8000-0000000000a1",
            "name": "Lantern device clinic",
            "description": "Phones checked for spyware.",
            "support": support,
            "coverage": {"countries": ["KG"]},
            "languages": ["ky", "ru"],
            "formats": ["in_person"],
            "family_eligible": false,
            "eligibility": "Defenders in Kyrgyzstan.",
            "response_hours": 24,
            "open": true
        }]
    })
}

/// What one run of the binary did.
pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    command: String,
}

impl Outcome {
    fn describe(&self) -> String {
        format!(
            "`{}` exited with {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.command,
            self.code,
            truncate(&self.stdout),
            self.stderr
        )
    }

    pub fn success(self) -> Self {
        assert_eq!(self.code, Some(0), "{}", self.describe());
        self
    }

    /// Exit code 2, and standard error holds every one of `needles`.
    pub fn bad_input(self, needles: &[&str]) -> Self {
        assert_eq!(self.code, Some(2), "{}", self.describe());
        self.stderr_has(needles)
    }

    /// Exit code 1 (a failure found, not a mistake of the caller), and standard
    /// error holds every one of `needles`.
    pub fn failure(self, needles: &[&str]) -> Self {
        assert_eq!(self.code, Some(1), "{}", self.describe());
        self.stderr_has(needles)
    }

    pub fn stdout_has(self, needles: &[&str]) -> Self {
        for needle in needles {
            assert!(
                self.stdout.contains(needle),
                "stdout lacks {needle:?}\n{}",
                self.describe()
            );
        }
        self
    }

    pub fn stderr_has(self, needles: &[&str]) -> Self {
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "stderr lacks {needle:?}\n{}",
                self.describe()
            );
        }
        self
    }
}

fn truncate(text: &str) -> &str {
    match text.char_indices().nth(2000) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// One test's world: a working directory with the data directory `data` inside it, and
/// for PostgreSQL a database of its own.
pub struct World {
    pub engine: Engine,
    dir: TempDir,
    postgres: Option<TestDb>,
}

impl World {
    pub async fn new(engine: Engine) -> World {
        let postgres = match engine {
            Engine::Sqlite => None,
            Engine::Postgres => Some(TestDb::postgres().await),
        };
        World {
            engine,
            dir: tempfile::tempdir().expect("temporary directory"),
            postgres,
        }
    }

    /// A path inside the working directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn data_dir(&self) -> PathBuf {
        self.path("data")
    }

    /// Writes a file into the working directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// The binary with nothing of the developer's `TORCHLIGHT_*` environment, and the
    /// world's database URL when it runs on PostgreSQL. Argon2id runs at the
    /// test-only cost (the debug binary accepts it; a release build would refuse).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BINARY);
        command.args(args).current_dir(self.dir.path());
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("TORCHLIGHT_") {
                command.env_remove(key);
            }
        }
        command.env("TORCHLIGHT_INSECURE_TEST_HASHING", "true");
        if let Some(database) = &self.postgres {
            command.env("TORCHLIGHT_DATABASE_URL", &database.location);
        }
        command
    }

    pub fn run(&self, args: &[&str]) -> Outcome {
        self.run_with(args, &[])
    }

    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Outcome {
        let mut command = self.command(args);
        command.envs(env.iter().copied());
        let mut shown: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        shown.push("torchlight".into());
        shown.extend(args.iter().map(|a| a.to_string()));
        finish(command, shown.join(" "), None)
    }

    /// Runs the binary with `input` on its standard input (not a terminal), as a
    /// script feeding a passphrase or a share would. The input is not shown in
    /// failure messages: it may be a secret under test.
    pub fn run_input(&self, args: &[&str], input: &str) -> Outcome {
        let command = self.command(args);
        let shown = format!("torchlight {} (with input on stdin)", args.join(" "));
        finish(command, shown, Some(input.as_bytes().to_vec()))
    }

    /// Runs SQL straight against the world's database, behind the binary's back (to
    /// tamper with it). Static statements only, the same text for both engines.
    pub async fn execute_sql(&self, statements: &[&str]) {
        use sqlx::Connection;
        match self.engine {
            Engine::Sqlite => {
                let options = sqlx::sqlite::SqliteConnectOptions::new()
                    .filename(self.database_location())
                    .create_if_missing(false);
                let mut connection = sqlx::SqliteConnection::connect_with(&options)
                    .await
                    .expect("open the SQLite file");
                for statement in statements {
                    sqlx::query(sqlx::AssertSqlSafe(statement.to_string()))
                        .execute(&mut connection)
                        .await
                        .unwrap_or_else(|e| panic!("{statement}: {e}"));
                }
                connection.close().await.expect("close SQLite");
            }
            Engine::Postgres => {
                let mut connection = sqlx::PgConnection::connect(&self.database_location())
                    .await
                    .expect("connect to PostgreSQL");
                for statement in statements {
                    sqlx::query(sqlx::AssertSqlSafe(statement.to_string()))
                        .execute(&mut connection)
                        .await
                        .unwrap_or_else(|e| panic!("{statement}: {e}"));
                }
                connection.close().await.expect("close PostgreSQL");
            }
        }
    }

    /// `import directory FILE --data-dir data EXTRA...`
    pub fn import(&self, file: &Path, extra: &[&str]) -> Outcome {
        let file = file.to_str().expect("UTF-8 path");
        let mut args = vec!["import", "directory", file, "--data-dir", "data"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// `export directory --data-dir data EXTRA...`
    pub fn export(&self, extra: &[&str]) -> Outcome {
        let mut args = vec!["export", "directory", "--data-dir", "data"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// Everything stored, allies included, as the binary exports it.
    pub fn export_all(&self) -> String {
        self.export(&["--format", "json", "--with-allies"])
            .success()
            .stdout
    }

    /// Where the world's database is: the PostgreSQL URL, or the SQLite file.
    pub fn database_location(&self) -> String {
        match &self.postgres {
            Some(database) => database.location.clone(),
            None => self
                .data_dir()
                .join("torchlight.sqlite3")
                .to_str()
                .expect("UTF-8 path")
                .to_owned(),
        }
    }

    /// The directory as stored, read straight from the database rather than through
    /// the binary, so that a test sees what really landed there.
    pub async fn stored(&self) -> Directory {
        let store = self.open_store().await;
        store.load_directory().await.expect("load the directory")
    }

    /// The world's store, opened by the test itself to read what the binary wrote.
    pub async fn open_store(&self) -> torchlight_store::SharedStore {
        let store = torchlight_store::open(&self.database_location())
            .await
            .expect("open the store");
        assert_eq!(store.engine(), self.engine);
        store
    }
}

/// Runs `command` to the end with its output captured, killing it if it hangs;
/// `input`, when given, is written to its standard input, which is then closed.
fn finish(mut command: Command, shown: String, input: Option<Vec<u8>>) -> Outcome {
    let stdin = if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    };
    let mut child = command
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the binary");
    if let (Some(input), Some(mut pipe)) = (input, child.stdin.take()) {
        // On a thread: a child that never reads must not block the test. A child
        // that exits before reading closes the pipe, which is not an error here.
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = pipe.write_all(&input);
        });
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = wait_or_kill(&mut child, &shown);
    let outcome = Outcome {
        code: status.code(),
        stdout: joined(stdout),
        stderr: joined(stderr),
        command: shown,
    };
    assert!(
        !outcome.stderr.contains("panicked") && outcome.code != Some(101),
        "the binary panicked\n{}",
        outcome.describe()
    );
    outcome
}

fn wait_or_kill(child: &mut Child, shown: &str) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for the binary") {
            return status;
        }
        if started.elapsed() > COMMAND_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`{shown}` still ran after {COMMAND_TIMEOUT:?}; killed it");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Reads a pipe to its end on a thread of its own, so a chatty child never blocks.
pub fn drain(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut text);
        }
        String::from_utf8_lossy(&text).into_owned()
    })
}

pub fn joined(handle: JoinHandle<String>) -> String {
    handle.join().unwrap_or_default()
}
