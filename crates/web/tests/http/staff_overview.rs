//! The analysts' overview is a fixed grid: the same rows (every directory country
//! and "every other country", each with every urgency) whatever the cases, so a
//! hidden small count does not betray that some case exists.

use torchlight_core::access::Role::Analyst;

use crate::both_engines;
use crate::staff_support::{Org, StaffApp};
use crate::support::Engine;

both_engines!(the_overview_shows_the_same_rows_whatever_the_cases);

/// The (country, urgency) labels of the overview's rows, and their counts.
fn rows(html: &str) -> Vec<(String, String, String)> {
    let body = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            // Each cell opens with its attributes (`<td data-label="...">`).
            let cells: Vec<String> = row
                .split("<td")
                .skip(1)
                .map(|cell| {
                    cell[cell.find('>').unwrap() + 1..cell.find("</td>").unwrap()].to_owned()
                })
                .collect();
            (cells[0].clone(), cells[1].clone(), cells[2].clone())
        })
        .collect()
}

async fn the_overview_shows_the_same_rows_whatever_the_cases(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let analyst = app.sign_in(app.member(Org::A, Analyst)).await;
    let before = rows(&analyst.get("/staff/overview").await.body);
    assert!(before.len() >= 8, "{before:?}");
    assert!(before
        .iter()
        .any(|(country, _, _)| country == "Every other country"));
    for _ in 0..3 {
        app.create_case(Org::B, "Another case").await;
    }
    let after = rows(&analyst.get("/staff/overview").await.body);
    let labels = |rows: &[(String, String, String)]| {
        rows.iter()
            .map(|(country, urgency, _)| (country.clone(), urgency.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&before), labels(&after));
    // An empty cell reads like a small one.
    let georgia_detained = after
        .iter()
        .find(|(country, urgency, _)| country == "Georgia" && urgency == "Detained now")
        .unwrap();
    assert_eq!(georgia_detained.2, "fewer than 5", "{after:?}");
}
