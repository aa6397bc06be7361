//! `spawn_app`: a fresh database, the real router, a random port.

use std::net::SocketAddr;
use std::sync::Arc;

use torchlight_app::{App, AppConfig, HashingCost, ManualClock};
use torchlight_core::{Directory, Taxonomy};
use torchlight_store::testing::TestDb;
use torchlight_web::{AppState, WebConfig};

pub use torchlight_store::Engine;

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    /// The running server's state: its application layer and directory.
    pub state: AppState,
    /// The server's clock: it moves only when the test moves it.
    pub clock: ManualClock,
    /// The test's own database (file path or PostgreSQL URL in `location`).
    pub database: TestDb,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request failed")
    }

    pub async fn text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    pub async fn json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }
}

pub async fn spawn_app(engine: Engine, directory: &Directory) -> TestApp {
    spawn_app_with(engine, directory, WebConfig::default()).await
}

pub async fn spawn_app_with(engine: Engine, directory: &Directory, config: WebConfig) -> TestApp {
    spawn_app_configured(engine, directory, config, test_app_config()).await
}

/// The application settings of the tests: production's, but for Argon2id's cost,
/// which tests lower (a release build refuses it).
pub fn test_app_config() -> AppConfig {
    AppConfig {
        hashing: HashingCost::insecure_for_tests().expect("tests are debug builds"),
        ..AppConfig::default()
    }
}

pub async fn spawn_app_configured(
    engine: Engine,
    directory: &Directory,
    config: WebConfig,
    app_config: AppConfig,
) -> TestApp {
    let database = TestDb::new(engine).await;
    let store = database.open().await;
    let taxonomy = taxonomy();
    let mut directory = directory.clone();
    directory
        .validate(&taxonomy)
        .expect("fixture directory is valid");
    store
        .replace_directory(&directory)
        .await
        .expect("store fixture");
    // The real time at first, so an authenticator app's codes for "now" match.
    let clock = ManualClock::starting_now();
    let app = App::new(store, Arc::new(clock.clone()), &app_config);
    let state = AppState::load(taxonomy, app, config).await.expect("state");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(torchlight_web::serve(
        listener,
        state.clone(),
        std::future::pending(),
    ));
    TestApp {
        address,
        client: reqwest::Client::new(),
        state,
        clock,
        database,
    }
}

pub fn taxonomy() -> Arc<Taxonomy> {
    Taxonomy::built_in().expect("built-in taxonomy")
}

/// A small coalition: a Bishkek CSO, an Osh-only service, an international online
/// provider, an exile service in Tbilisi, and a closed service.
pub fn fixture() -> Directory {
    serde_json::from_value(serde_json::json!({
        "organizations": [
            {"id": "00000000-0000-4000-8000-000000000001", "name": "Ala-Too Digital Circle", "kind": "local_cso",
             "countries": ["KG"], "languages": ["ky", "ru"], "description": "Digital security help for Kyrgyz defenders.",
             "public_contact": "help@ala-too.example.org"},
            {"id": "00000000-0000-4000-8000-000000000002", "name": "Global Shield <script>alert(1)</script>", "kind": "international_cso",
             "countries": ["KG", "KZ", "TJ"], "languages": ["en", "ru"], "description": "International emergency support & grants.",
             "public_contact": "Signal +000 555 0100"},
            {"id": "00000000-0000-4000-8000-000000000003", "name": "Kura Exile House", "kind": "regional_network",
             "countries": ["GE"], "languages": ["az", "ka", "ru"], "description": "A house in Tbilisi for exiles.",
             "public_contact": "door@kura.example.org"}
        ],
        "services": [
            {"id": "00000000-0000-4000-8000-000000000101", "organization_id": "00000000-0000-4000-8000-000000000001",
             "name": "Device check-up in Bishkek", "description": "We check phones and laptops for spyware.",
             "support": "digital_security", "coverage": {"countries": ["KG"], "regions": ["KG-GB"]},
             "languages": ["ky", "ru"], "formats": ["in_person"], "family_eligible": false,
             "eligibility": "Any defender working in Kyrgyzstan; bring the device.", "response_hours": 48, "open": true},
            {"id": "00000000-0000-4000-8000-000000000102", "organization_id": "00000000-0000-4000-8000-000000000001",
             "name": "Osh helpline", "description": "Phone line for defenders in Osh.",
             "support": "digital_security", "coverage": {"countries": ["KG"], "regions": ["KG-GO"], "remote_areas": true},
             "groups": ["journalists"], "languages": ["ky", "uz"], "formats": ["online"], "family_eligible": true,
             "eligibility": "Journalists in the south.", "response_hours": 12, "open": true},
            {"id": "00000000-0000-4000-8000-000000000103", "organization_id": "00000000-0000-4000-8000-000000000002",
             "name": "Remote incident response", "description": "24/7 response to hacked accounts.",
             "support": "digital_security", "coverage": {"worldwide": true},
             "languages": ["en", "ru"], "formats": ["online"], "family_eligible": false,
             "eligibility": "Defenders anywhere whose accounts or devices are under attack.", "response_hours": 2, "open": true},
            {"id": "00000000-0000-4000-8000-000000000104", "organization_id": "00000000-0000-4000-8000-000000000002",
             "name": "Emergency grant", "description": "Small grants within days.",
             "support": "financial", "coverage": {"countries": ["KG", "KZ", "TJ"]},
             "languages": ["en", "ru"], "formats": ["online"], "family_eligible": true,
             "eligibility": "Defenders facing costs because of their work.", "response_hours": 120, "open": false},
            {"id": "00000000-0000-4000-8000-000000000105", "organization_id": "00000000-0000-4000-8000-000000000003",
             "name": "Shelter for Azerbaijani defenders", "description": "Rooms in Tbilisi.",
             "support": "temporary_shelter", "coverage": {"countries": ["GE"], "exile_from": ["AZ"]},
             "languages": ["az", "ru"], "formats": ["requires_travel"], "family_eligible": true,
             "eligibility": "Azerbaijani defenders who had to leave.", "response_hours": 72, "open": true}
        ],
        "allies": [
            {"id": "00000000-0000-4000-8000-000000000201", "name": "Aigul Example", "profession": "lawyer", "country": "KG",
             "languages": ["ky", "ru"], "contact": "SECRET-ALLY-CONTACT +000 555 0199",
             "organization_id": "00000000-0000-4000-8000-000000000001"}
        ]
    }))
    .expect("fixture parses")
}
