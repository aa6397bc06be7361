//! Every route of the server in one table, each with who may use it. The router is
//! built from this table and the guard of each route comes from its row, so a route
//! cannot exist without an access rule; the permission matrix test walks the same
//! table and fails on a route it has no expectation for.

use axum::http::Method;
use axum::routing::{get, post, MethodRouter};
use torchlight_core::access::Permission;

use crate::staff::guard::Access;
use crate::staff::{admin, auth, cases, casework, unseal, webauthn};
use crate::state::AppState;
use crate::{api, pages};

/// One route: method, path (axum syntax), who may use it, and its handler.
pub struct RouteDef {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    pub handler: MethodRouter<AppState>,
}

fn route(
    method: Method,
    path: &'static str,
    access: Access,
    handler: MethodRouter<AppState>,
) -> RouteDef {
    RouteDef {
        method,
        path,
        access,
        handler,
    }
}

fn staff(permission: Permission) -> Access {
    Access::Staff(Some(permission))
}

/// The whole table. Paths carry no language prefix (the locale layer strips it).
pub fn table() -> Vec<RouteDef> {
    use Access::{Public, SignIn, SignOut, Unseal};
    use Permission::*;
    let any_staff = Access::Staff(None);
    vec![
        route(Method::GET, "/", Public, get(pages::home)),
        route(Method::GET, "/find", Public, get(pages::find)),
        route(Method::GET, "/services/{id}", Public, get(pages::service)),
        route(
            Method::GET,
            "/organizations/{id}",
            Public,
            get(pages::organization),
        ),
        route(Method::GET, "/request", Public, get(pages::request_form)),
        route(
            Method::POST,
            "/request",
            Public,
            post(pages::submit_request),
        ),
        route(
            Method::GET,
            "/request/guide",
            Public,
            get(pages::guide_form),
        ),
        route(
            Method::POST,
            "/request/guide",
            Public,
            post(pages::guide_result),
        ),
        route(
            Method::POST,
            "/request/practise",
            Public,
            post(pages::practise),
        ),
        route(Method::GET, "/status", Public, get(pages::status_form)),
        route(Method::POST, "/status", Public, post(pages::status)),
        route(Method::POST, "/status/reply", Public, post(pages::reply)),
        route(Method::POST, "/status/report", Public, post(pages::report)),
        route(
            Method::POST,
            "/status/withdraw",
            Public,
            post(pages::withdraw),
        ),
        route(
            Method::POST,
            "/api/v1/requests",
            Public,
            post(api::create_request),
        ),
        route(
            Method::GET,
            "/api/v1/requests/status",
            Public,
            get(api::request_status),
        ),
        route(
            Method::GET,
            "/static/style.css",
            Public,
            get(crate::stylesheet),
        ),
        route(
            Method::GET,
            "/static/webauthn.js",
            Public,
            get(crate::webauthn_script),
        ),
        route(Method::GET, "/healthz", Public, get(crate::healthz)),
        route(
            Method::GET,
            "/api/v1/services",
            Public,
            get(api::list_services),
        ),
        route(
            Method::GET,
            "/api/v1/services/{id}",
            Public,
            get(api::get_service),
        ),
        route(
            Method::GET,
            "/api/v1/organizations",
            Public,
            get(api::list_organizations),
        ),
        route(
            Method::GET,
            "/api/v1/organizations/{id}",
            Public,
            get(api::get_organization),
        ),
        route(
            Method::GET,
            "/api/v1/taxonomy/{vocabulary}",
            Public,
            get(api::get_vocabulary),
        ),
        route(
            Method::GET,
            "/api/v1/openapi.json",
            Public,
            get(api::openapi),
        ),
        route(Method::GET, "/unseal", Unseal, get(unseal::form)),
        route(Method::POST, "/unseal", Unseal, post(unseal::submit)),
        route(Method::GET, "/staff/login", SignIn, get(auth::login_form)),
        route(Method::POST, "/staff/login", SignIn, post(auth::login)),
        route(
            Method::GET,
            "/staff/password",
            SignIn,
            get(auth::password_form),
        ),
        route(
            Method::POST,
            "/staff/password",
            SignIn,
            post(auth::change_password),
        ),
        route(Method::GET, "/staff/enrol", SignIn, get(auth::enrol_form)),
        route(Method::POST, "/staff/enrol", SignIn, post(auth::enrol)),
        route(Method::GET, "/staff/verify", SignIn, get(auth::verify_form)),
        route(Method::POST, "/staff/verify", SignIn, post(auth::verify)),
        route(Method::POST, "/staff/logout", SignOut, post(auth::logout)),
        route(
            Method::POST,
            "/staff/webauthn/start",
            SignIn,
            post(webauthn::sign_in_start),
        ),
        route(
            Method::POST,
            "/staff/webauthn/finish",
            SignIn,
            post(webauthn::sign_in_finish),
        ),
        route(Method::GET, "/staff", any_staff, get(admin::dashboard)),
        route(
            Method::POST,
            "/staff/language",
            any_staff,
            post(admin::set_language),
        ),
        route(
            Method::POST,
            "/staff/sessions/end-all",
            any_staff,
            post(auth::sign_out_everywhere),
        ),
        route(
            Method::GET,
            "/staff/security-keys",
            any_staff,
            get(webauthn::keys_page),
        ),
        route(
            Method::POST,
            "/staff/security-keys/confirm",
            any_staff,
            post(webauthn::confirm),
        ),
        route(
            Method::POST,
            "/staff/security-keys/register/start",
            any_staff,
            post(webauthn::register_start),
        ),
        route(
            Method::POST,
            "/staff/security-keys/register/finish",
            any_staff,
            post(webauthn::register_finish),
        ),
        route(
            Method::POST,
            "/staff/security-keys/{id}/remove",
            any_staff,
            post(webauthn::remove),
        ),
        route(
            Method::GET,
            "/staff/cases",
            staff(ViewCases),
            get(cases::list),
        ),
        route(
            Method::GET,
            "/staff/requests",
            staff(ViewCases),
            get(cases::requests),
        ),
        route(
            Method::POST,
            "/staff/cases",
            staff(EditCases),
            post(cases::create),
        ),
        route(
            Method::GET,
            "/staff/cases/new",
            staff(EditCases),
            get(cases::new_form),
        ),
        route(
            Method::GET,
            "/staff/cases/{id}",
            staff(ViewCases),
            get(cases::show),
        ),
        route(
            Method::GET,
            "/staff/cases/{id}/edit",
            staff(EditCases),
            get(cases::edit_form),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/edit",
            staff(EditCases),
            post(cases::edit),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/erase",
            staff(EraseCases),
            post(cases::erase),
        ),
        route(
            Method::GET,
            "/staff/cases/{id}/access",
            staff(ViewCaseAccess),
            get(cases::access),
        ),
        route(
            Method::GET,
            "/staff/triage",
            staff(ViewCases),
            get(casework::triage),
        ),
        route(
            Method::GET,
            "/staff/follow-ups",
            staff(ViewCases),
            get(casework::follow_ups),
        ),
        route(
            Method::GET,
            "/staff/triage/targets",
            staff(ManageStaff),
            get(casework::targets_form),
        ),
        route(
            Method::POST,
            "/staff/triage/targets",
            staff(ManageStaff),
            post(casework::set_targets),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/assign",
            staff(EditCases),
            post(casework::assign),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/status",
            staff(EditCases),
            post(casework::set_status),
        ),
        route(
            Method::GET,
            "/staff/cases/{id}/assess",
            staff(EditCases),
            get(casework::assess_form),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/assess",
            staff(EditCases),
            post(casework::assess),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/decide",
            staff(EditCases),
            post(casework::decide),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/message",
            staff(EditCases),
            post(casework::message),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/support",
            staff(EditCases),
            post(casework::support),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/family",
            staff(EditCases),
            post(casework::family),
        ),
        route(
            Method::POST,
            "/staff/cases/{id}/follow-up",
            staff(EditCases),
            post(casework::follow_up),
        ),
        route(
            Method::GET,
            "/staff/users",
            staff(ManageStaff),
            get(admin::users),
        ),
        route(
            Method::POST,
            "/staff/users",
            staff(ManageStaff),
            post(admin::add_user),
        ),
        route(
            Method::POST,
            "/staff/users/{id}/disable",
            staff(ManageStaff),
            post(admin::disable_user),
        ),
        route(
            Method::POST,
            "/staff/users/{id}/enable",
            staff(ManageStaff),
            post(admin::enable_user),
        ),
        route(
            Method::POST,
            "/staff/users/{id}/reset",
            staff(ManageStaff),
            post(admin::reset_user),
        ),
        route(
            Method::POST,
            "/staff/keys/rotate",
            staff(RotateOrganizationKey),
            post(admin::rotate_key),
        ),
        route(Method::POST, "/staff/seal", staff(Seal), post(admin::seal)),
        route(
            Method::GET,
            "/staff/overview",
            staff(ViewAggregates),
            get(admin::overview),
        ),
    ]
}

/// The method, path and access of every route, without the handlers: what the
/// permission matrix test walks.
pub fn rules() -> Vec<(Method, &'static str, Access)> {
    table()
        .into_iter()
        .map(|def| (def.method, def.path, def.access))
        .collect()
}
