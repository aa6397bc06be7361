//! `demo` and `serve` as child processes, talked to over HTTP.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::both_engines;
use crate::support::{demo_counts, drain, joined, one_organization, Engine, World};

both_engines!(
    demo_creates_the_coalition_reuses_it_and_resets_it,
    serve_on_an_empty_store_serves_an_empty_directory,
    a_port_in_use_is_bad_input,
    a_reachable_address_needs_secure_cookies,
);

const KG_DIGITAL: &str = "/find?country=KG&support=digital_security";

/// A running `torchlight serve|demo`, killed when dropped, so that a failing test
/// leaves no server behind.
struct Server {
    child: Child,
    base: String,
    stderr: Option<JoinHandle<String>>,
    client: reqwest::Client,
}

impl Server {
    /// Starts the binary and waits for the line with its address.
    fn start(world: &World, args: &[&str]) -> Server {
        let mut child = world
            .command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the binary");
        let stdout = child.stdout.take().expect("stdout");
        let (first_line, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = first_line.send(line);
            }
            // Keep reading so the server never blocks on a full pipe.
            lines.for_each(drop);
        });
        let mut server = Server {
            stderr: Some(drain(child.stderr.take())),
            child,
            base: String::new(),
            client: reqwest::Client::new(),
        };
        match receiver.recv_timeout(Duration::from_secs(120)) {
            Ok(line) => match line.split_once("http://") {
                Some((_, rest)) => {
                    let address = rest.split('/').next().unwrap_or_default();
                    assert!(!address.ends_with(":0"), "no real port in {line:?}");
                    server.base = format!("http://{address}");
                }
                None => server.fail(&format!("the first line names no URL: {line:?}")),
            },
            Err(_) => server.fail(&format!(
                "`torchlight {}` printed no address",
                args.join(" ")
            )),
        }
        server
    }

    fn fail(&mut self, what: &str) -> ! {
        let _ = self.child.kill();
        let status = self.child.wait();
        let stderr = self.stderr.take().map(joined).unwrap_or_default();
        panic!("{what} (exit: {status:?})\n--- stderr ---\n{stderr}");
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    async fn service_count(&self) -> u64 {
        let (status, body) = self.get("/api/v1/services").await;
        assert_eq!(status, 200, "{body}");
        let value: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        value["count"].as_u64().expect("count")
    }

    /// Results listed on a `/find` page.
    async fn results(&self, path: &str) -> (usize, String) {
        let (status, body) = self.get(path).await;
        assert_eq!(status, 200, "{body}");
        (body.matches("<li class=\"result").count(), body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn demo(world: &World, extra: &[&str]) -> Server {
    let mut args = vec!["demo", "--listen", "127.0.0.1:0", "--data-dir", "data"];
    args.extend_from_slice(extra);
    Server::start(world, &args)
}

async fn demo_creates_the_coalition_reuses_it_and_resets_it(engine: Engine) {
    let (organizations, services, allies) = demo_counts();
    let world = World::new(engine).await;

    let server = demo(&world, &[]);
    assert_eq!(server.get("/healthz").await.0, 200);
    let (found, page) = server.results(KG_DIGITAL).await;
    assert!(found > 0, "no KG digital security results:\n{page}");
    let count = server.service_count().await;
    assert!(count > 0);
    drop(server);
    let stored = world.stored().await;
    assert_eq!(
        (
            stored.organizations.len(),
            stored.services.len(),
            stored.allies.len()
        ),
        (organizations, services, allies)
    );

    // A second start reuses the store rather than loading the demo again.
    let server = demo(&world, &[]);
    assert_eq!(server.service_count().await, count, "the demo was doubled");
    assert_eq!(server.results(KG_DIGITAL).await.0, found);
    drop(server);
    assert_eq!(world.stored().await, stored);

    // A coalition's own data is never overwritten by a plain `demo`.
    let one = world.write(
        "one.json",
        serde_json::to_vec(&one_organization("digital_security")).expect("JSON"),
    );
    world.import(&one, &[]).success();
    let server = demo(&world, &[]);
    assert_eq!(server.service_count().await, 1);
    let (found_one, page) = server.results(KG_DIGITAL).await;
    assert_eq!(found_one, 1, "{page}");
    assert!(page.contains("Lantern device clinic"), "{page}");
    drop(server);
    assert_eq!(world.stored().await.organizations.len(), 1);

    // `--reset` throws it away and loads the demo afresh.
    let server = demo(&world, &["--reset"]);
    assert_eq!(server.service_count().await, count);
    let (found_again, page) = server.results(KG_DIGITAL).await;
    assert_eq!(found_again, found);
    assert!(!page.contains("Lantern device clinic"));
    drop(server);
    assert_eq!(world.stored().await, stored);
}

async fn serve_on_an_empty_store_serves_an_empty_directory(engine: Engine) {
    let world = World::new(engine).await;
    let server = Server::start(
        &world,
        &["serve", "--listen", "127.0.0.1:0", "--data-dir", "data"],
    );
    assert_eq!(server.get("/healthz").await.0, 200);
    let (status, home) = server.get("/").await;
    assert_eq!(status, 200, "{home}");
    assert_eq!(server.service_count().await, 0);
    assert_eq!(server.results(KG_DIGITAL).await.0, 0);
    drop(server);
    assert!(
        world.stored().await.organizations.is_empty(),
        "serve loaded data nobody asked for"
    );
}

async fn a_port_in_use_is_bad_input(engine: Engine) {
    let world = World::new(engine).await;
    let one = world.write(
        "one.json",
        serde_json::to_vec(&one_organization("legal")).expect("JSON"),
    );
    world.import(&one, &[]).success();
    let before = world.stored().await;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = taken.local_addr().expect("address").to_string();
    for args in [
        &["serve", "--listen", &address, "--data-dir", "data"][..],
        &["demo", "--listen", &address, "--data-dir", "data"][..],
        &[
            "demo",
            "--reset",
            "--listen",
            &address,
            "--data-dir",
            "data",
        ][..],
    ] {
        let refused = world
            .run(args)
            .bad_input(&[&format!("cannot listen on {address}")]);
        assert!(refused.stdout.is_empty(), "{}", refused.stdout);
        // Refused before anything was written, even with --reset.
        assert_eq!(world.stored().await, before, "{args:?} changed the store");
    }
}

async fn a_reachable_address_needs_secure_cookies(engine: Engine) {
    let world = World::new(engine).await;
    for args in [
        &["serve", "--listen", "0.0.0.0:0", "--data-dir", "data"][..],
        &[
            "demo",
            "--reset",
            "--listen",
            "0.0.0.0:0",
            "--data-dir",
            "data",
        ][..],
    ] {
        let refused = world.run(args).bad_input(&[
            "0.0.0.0:0",
            "secure_cookies = true",
            "TORCHLIGHT_SECURE_COOKIES=true",
        ]);
        assert!(refused.stdout.is_empty(), "{}", refused.stdout);
    }
    assert!(
        !world.data_dir().exists(),
        "a refused server touched the data"
    );
}
