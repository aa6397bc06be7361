//! Torchlight's HTTP layer: public pages, the JSON API, security headers and limits.
//! Handlers translate between HTTP and the application layer (`torchlight-app`);
//! rules live in `torchlight-core`.

pub mod api;
pub mod body_limit;
pub mod client;
pub mod collation;
pub mod compression;
pub mod config;
pub mod error;
pub mod explain;
pub mod locale;
pub mod pages;
pub mod query;
pub mod routes;
pub mod security;
pub mod staff;
pub mod state;

use axum::extract::Request;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::any;
use axum::{middleware, Router, ServiceExt};
use tokio::net::TcpListener;
use tower::Layer;
use tower_http::limit::RequestBodyLimitLayer;

pub use config::WebConfig;
pub use state::{AppState, StartError};

const STYLESHEET: &str = include_str!("../static/style.css");
const WEBAUTHN_SCRIPT: &str = include_str!("../static/webauthn.js");

/// Every route of the server, without the language layer: paths here carry no
/// language prefix. [`app`] is what a server runs.
pub fn router(state: AppState) -> Router {
    let max_body = state.config().max_body_bytes;
    let mut router = Router::new();
    for def in routes::table() {
        let guard =
            middleware::from_fn_with_state((state.clone(), def.access), staff::guard::guard);
        router = router.route(def.path, def.handler.route_layer(guard));
    }
    router
        .route("/api/v1/{*rest}", any(api::not_found))
        .fallback(pages::not_found)
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            client::resolve,
        ))
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            body_limit::explain,
        ))
        .layer(middleware::from_fn_with_state(state, security::headers))
        .layer(middleware::from_fn(security::log_request))
}

/// Ready once the server listens: the directory is loaded before the listener opens.
pub(crate) async fn healthz() -> &'static str {
    "ok"
}

/// The one script of the site, loaded only by the pages that offer a security key.
pub(crate) async fn webauthn_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        WEBAUTHN_SCRIPT,
    )
}

pub(crate) async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        STYLESHEET,
    )
}

/// The router inside the language layer. The layer must wrap the router rather
/// than sit in it: it rewrites `/ru/find` to `/find`, and a router matches its
/// routes before its own layers run.
pub fn app(
    state: AppState,
) -> impl tower::Service<
    Request,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone
       + Send
       + 'static {
    let inner = middleware::from_fn_with_state(state.clone(), locale::choose).layer(router(state));
    let marked = middleware::from_fn(compression::mark).layer(inner);
    let compressed = compression::layer().layer(marked);
    tower::util::MapResponseLayer::new(|response: axum::http::Response<_>| {
        response.map(axum::body::Body::new)
    })
    .layer(compressed)
}

/// Serves until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        // The client's address reaches handlers only as a throttling key.
        ServiceExt::<Request>::into_make_service_with_connect_info::<std::net::SocketAddr>(app(
            state,
        )),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
