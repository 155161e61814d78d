//! Review and correct in `raci serve` (issue 19) over real HTTP: the review page, every form
//! (a side, an accepted fix, a reading choice, an uploaded raci.toml), the re-audit in place,
//! the raci.toml download and the command line on it, bad forms, and the whole loop clicked
//! through in headless Chromium over WebDriver.

use crate::serve::{
    audit_id, chromium, form_token, get, post_form, request, sample, start, upload, Reply, CHROME,
    TINY,
};
use crate::support::root;
use assert_cmd::Command;
use std::net::SocketAddr;
use std::path::Path;

/// `application/x-www-form-urlencoded`, as a browser writes it.
fn encode(fields: &[(&str, &str)]) -> Vec<u8> {
    let enc = |s: &str| {
        let mut out = String::new();
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    out.push(b as char)
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

/// Posts the review form of audit `id` with `fields`, as a script (no browser headers).
fn post_review(addr: SocketAddr, id: &str, fields: &[(&str, &str)]) -> Reply {
    post_review_with(addr, id, &[], fields)
}

fn post_review_with(
    addr: SocketAddr,
    id: &str,
    extra: &[(&str, &str)],
    fields: &[(&str, &str)],
) -> Reply {
    let mut headers = vec![("Content-Type", "application/x-www-form-urlencoded")];
    headers.extend_from_slice(extra);
    request(
        addr,
        "POST",
        &format!("/audit/{id}/review"),
        &headers,
        &encode(fields),
    )
}

/// The new audit a re-audit redirected to (303).
fn redirected(reply: &Reply) -> String {
    assert_eq!(reply.status, 303, "{}", reply.text());
    let location = reply.header("location").expect("a Location").to_string();
    let id = location.strip_prefix("/audit/").expect("an audit page");
    assert_eq!(reply.header("x-raci-audit"), Some(id));
    id.to_string()
}

/// The audit page's headline text.
pub(crate) fn headline(page: &str) -> String {
    let at = page.find("<p class=\"headline\">").expect("a headline") + 20;
    let end = page[at..].find("</p>").unwrap();
    page[at..at + end].to_string()
}

/// The first task the review page shows on `side`: (index, name).
fn first_task_on(review: &str, side: &str) -> (usize, String) {
    let selected = format!("<option value=\"{side}\" selected>");
    let mut from = 0;
    while let Some(at) = review[from..].find("<tr") {
        let row_start = from + at;
        let row_end = row_start + review[row_start..].find("</tr>").unwrap();
        let row = &review[row_start..row_end];
        if let Some(i) = row.find("name=\"side-") {
            if row.contains(&selected) {
                let n: usize = row[i + 11..].split('"').next().unwrap().parse().unwrap();
                let name_at = row.find("</td><td>").unwrap() + 9;
                let name = row[name_at..].split('<').next().unwrap().trim().to_string();
                return (n, name);
            }
        }
        from = row_end;
    }
    panic!("no task on {side}");
}

pub(crate) fn sample_bytes() -> Vec<u8> {
    std::fs::read(sample("product-team.xlsx")).unwrap()
}

/// `raci audit product-team.xlsx --config TOML -o DIR`: every file it writes, by name.
fn cli_with_config(toml: &[u8]) -> Vec<(String, Vec<u8>)> {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("raci.toml");
    std::fs::write(&config, toml).unwrap();
    let out = tmp.path().join("out");
    Command::cargo_bin("raci")
        .unwrap()
        .current_dir(root())
        .arg("audit")
        .arg(sample("product-team.xlsx"))
        .arg("--config")
        .arg(&config)
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Every file of a served audit equals the command line's with `toml`, byte for byte.
pub(crate) fn assert_cli_agrees(addr: SocketAddr, id: &str, toml: &[u8]) {
    let files = cli_with_config(toml);
    assert!(files.len() >= 15, "{}", files.len());
    for (name, bytes) in files {
        let served = get(addr, &format!("/audit/{id}/files/{name}"));
        assert_eq!(served.status, 200, "{name}");
        assert!(
            served.body == bytes,
            "{name}: the served re-audit and the command line with its raci.toml differ"
        );
    }
}

#[test]
fn the_review_page_shows_every_task_the_reading_and_the_fixes_without_script() {
    let server = start();
    let addr = server.addr();
    let reply = upload(addr, "product-team.xlsx", &sample_bytes());
    let id = audit_id(&reply);
    // The audit page leads to the review and to raci.toml.
    let page = reply.text();
    assert!(page.contains(&format!("href=\"/audit/{id}/review\"")));
    assert!(page.contains(&format!("href=\"/audit/{id}/raci.toml\"")));

    let review = get(addr, &format!("/audit/{id}/review"));
    assert_eq!(review.status, 200);
    let text = review.text();
    // One plain form posting back to the review, with this run's token.
    assert!(text.contains(&format!(
        "<form class=\"review-form\" method=\"post\" action=\"/audit/{id}/review\">"
    )));
    assert_eq!(form_token(&text), form_token(&page));
    // Every task (the sample has 37) with a side control of the four sides.
    assert_eq!(text.matches("<select name=\"side-").count(), 37);
    for side in ["PO", "PM", "shared", "unclassified"] {
        assert!(
            text.contains(&format!("<option value=\"{side}\"")),
            "{side}"
        );
    }
    // The words that decided a task, and its reason.
    assert!(text.contains("Define product vision"));
    assert!(text.contains("PM duty: "), "{text:.3000}");
    // The reading as raci inspect gives it, with the override controls and the preview.
    assert!(text.contains("<dt>Runner-up</dt><dd>transposed"));
    assert!(text.contains("header row 3"));
    for key in [
        "sheet",
        "shape",
        "range",
        "header-rows",
        "task-column",
        "party-columns",
        "x-means",
    ] {
        assert!(text.contains(&format!("name=\"{key}\"")), "{key}");
    }
    assert!(text.contains("<table class=\"preview\">"));
    assert!(text.contains("<td class=\"cell-party\">Maria Lopez (Product Owner)</td>"));
    assert!(text.contains("<td class=\"cell-task\">Define product vision</td>"));
    assert!(text.contains("<td class=\"cell-letters\">"));
    // The suggested fixes, each with an accept box.
    assert!(text.contains("<input type=\"checkbox\" name=\"accept\" value=\"0\">"));
    // No script needed, nothing from the network.
    assert!(!text.contains("http:") && !text.contains("https:"));

    // Filters are links; each lists only its tasks.
    let unclassified = get(addr, &format!("/audit/{id}/review?show=unclassified"));
    assert_eq!(unclassified.status, 200);
    let u = unclassified.text();
    // The headline says 7 tasks could not be placed.
    assert!(headline(&page).contains("7 tasks could not be placed"));
    assert_eq!(u.matches("<select name=\"side-").count(), 7);
    assert_eq!(
        u.matches("<option value=\"unclassified\" selected>")
            .count(),
        7
    );
    let confidences = |page: &str| -> Vec<f64> {
        page.split("<td class=\"confidence\">")
            .skip(1)
            .map(|s| s.split('<').next().unwrap().parse().unwrap())
            .collect()
    };
    let all = confidences(&text);
    assert_eq!(all.len(), 37);
    let low = confidences(&get(addr, &format!("/audit/{id}/review?show=low")).text());
    assert!(low.iter().all(|&c| c < 0.5), "{low:?}");
    assert_eq!(low.len(), all.iter().filter(|&&c| c < 0.5).count());
    // The sample's confidences move with the taxonomy: a matrix made for the test holds a
    // name the taxonomy does not know (confidence 0) beside a clear one, so the low list is
    // never empty.
    let mixed = upload(
        addr,
        "mixed.csv",
        b"Task,Product Owner,Product Manager\nPrioritise the product backlog,A/R,C\nJulien,R,A\n",
    );
    let mixed_id = audit_id(&mixed);
    let mixed_all = confidences(&get(addr, &format!("/audit/{mixed_id}/review")).text());
    assert_eq!(mixed_all.len(), 2, "{mixed_all:?}");
    let mixed_low = confidences(&get(addr, &format!("/audit/{mixed_id}/review?show=low")).text());
    assert_eq!(mixed_low, [0.0]);
    let changed = get(addr, &format!("/audit/{id}/review?show=changed")).text();
    assert!(changed.contains("No task is in this list."));
    let bad = get(addr, &format!("/audit/{id}/review?show=everything"));
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("there is no list of tasks called"));
}

#[test]
fn changing_a_side_reaudits_in_place_and_the_cli_agrees_with_its_raci_toml() {
    let server = start();
    let addr = server.addr();
    let first = upload(addr, "product-team.xlsx", &sample_bytes());
    let id = audit_id(&first);
    let review = get(addr, &format!("/audit/{id}/review")).text();
    let (task, name) = first_task_on(&review, "unclassified");
    let side_field = format!("side-{task}");
    let reply = post_review(addr, &id, &[(&side_field, "PO")]);
    let new = redirected(&reply);
    assert_ne!(new, id);

    let page = get(addr, &format!("/audit/{new}"));
    assert_eq!(page.status, 200);
    let page = page.text();
    assert!(headline(&first.text()).contains("7 tasks could not be placed"));
    assert!(
        headline(&page).contains("6 tasks could not be placed"),
        "{}",
        headline(&page)
    );
    assert!(page.contains("<strong>Re-audited:</strong> 1 side changed."));
    // The fresh downloads carry the new side.
    let tasks = get(addr, &format!("/audit/{new}/files/tasks.csv")).text();
    let row = tasks.lines().find(|l| l.contains(&name)).unwrap();
    assert!(row.contains(",PO,"), "{row}");
    // The review of the new audit lists it as changed.
    let changed = get(addr, &format!("/audit/{new}/review?show=changed")).text();
    assert_eq!(changed.matches("<select name=\"side-").count(), 1);
    assert!(changed.contains(&name));
    // Nothing already done is lost: the first audit is still there.
    assert_eq!(get(addr, &format!("/audit/{id}")).status, 200);

    let toml = get(addr, &format!("/audit/{new}/raci.toml"));
    assert_eq!(toml.status, 200);
    assert_eq!(
        toml.header("content-disposition"),
        Some("attachment; filename=\"raci.toml\"")
    );
    let text = toml.text();
    assert!(
        text.starts_with("# raci.toml made by raci serve from product-team.xlsx"),
        "{text}"
    );
    assert!(
        text.contains(&format!("[sides]\n\"{name}\" = \"PO\"\n")),
        "{text}"
    );
    assert_cli_agrees(addr, &new, &toml.body);

    // Corrections add up: a second change keeps the first.
    let review = get(addr, &format!("/audit/{new}/review")).text();
    let (task2, name2) = first_task_on(&review, "unclassified");
    let newer = redirected(&post_review(
        addr,
        &new,
        &[(&format!("side-{task2}"), "shared")],
    ));
    let text = get(addr, &format!("/audit/{newer}/raci.toml")).text();
    assert!(text.contains(&format!("\"{name}\" = \"PO\"")), "{text}");
    assert!(
        text.contains(&format!("\"{name2}\" = \"shared\"")),
        "{text}"
    );
    // An unchanged form changes nothing and makes no new audit.
    let same = post_review(addr, &newer, &[(&format!("side-{task2}"), "shared")]);
    assert_eq!(same.status, 303);
    assert_eq!(
        same.header("location"),
        Some(format!("/audit/{newer}").as_str())
    );
    assert!(same.header("x-raci-audit").is_none());
}

#[test]
fn accepting_a_fix_sets_its_letters_and_raci_toml_keeps_them() {
    let server = start();
    let addr = server.addr();
    let id = audit_id(&upload(addr, "product-team.xlsx", &sample_bytes()));
    let suggestions = get(addr, &format!("/audit/{id}/files/suggestions.csv")).text();
    let review = get(addr, &format!("/audit/{id}/review")).text();
    // The first fix of the missing Accountable (R001).
    let at = review.find("<strong>R001</strong>").expect("an R001 fix");
    let before = &review[..at];
    let k = before[before.rfind("name=\"accept\" value=\"").unwrap() + 21..]
        .split('"')
        .next()
        .unwrap()
        .to_string();
    assert!(suggestions.contains("R001"));
    let first = get(addr, &format!("/audit/{id}")).text();
    assert!(headline(&first).contains("1 task has no Accountable"));

    let new = redirected(&post_review(addr, &id, &[("accept", &k)]));
    let page = get(addr, &format!("/audit/{new}")).text();
    assert!(
        !headline(&page).contains("has no Accountable"),
        "{}",
        headline(&page)
    );
    assert!(page.contains("1 suggested fix accepted"));
    let toml = get(addr, &format!("/audit/{new}/raci.toml"));
    let text = toml.text();
    assert!(
        text.contains("[[cells]]\nfile = \"product-team.xlsx\"\ntask = "),
        "{text}"
    );
    assert!(text.contains("letters = \""), "{text}");
    // The reading notes say which cells were corrected.
    let json = get(addr, &format!("/audit/{new}/files/report.json")).text();
    assert!(json.contains("as raci.toml [[cells]] says"), "{json:.2000}");
    assert_cli_agrees(addr, &new, &toml.body);
}

#[test]
fn a_reading_choice_reaudits_and_one_that_does_not_fit_loses_nothing() {
    let server = start();
    let addr = server.addr();
    let id = audit_id(&upload(addr, "product-team.xlsx", &sample_bytes()));
    // The header the reading found, now given: the same matrix, said so.
    let new = redirected(&post_review(
        addr,
        &id,
        &[
            ("shape", ""),
            ("range", ""),
            ("header-rows", "3"),
            ("task-column", "A"),
            ("party-columns", ""),
            ("x-means", ""),
        ],
    ));
    let page = get(addr, &format!("/audit/{new}")).text();
    assert!(
        page.contains("header rows set to 3, task column set to A"),
        "{page:.3000}"
    );
    let toml = get(addr, &format!("/audit/{new}/raci.toml"));
    let text = toml.text();
    assert!(
        text.contains("[files.\"product-team.xlsx\"]\nheader-rows = 3\ntask-column = \"A\"\n"),
        "{text}"
    );
    assert_cli_agrees(addr, &new, &toml.body);
    // The review shows the choices in force; clearing one is a change too.
    let review = get(addr, &format!("/audit/{new}/review")).text();
    assert!(review.contains("name=\"header-rows\" maxlength=\"40\" value=\"3\""));
    let cleared = redirected(&post_review(addr, &new, &[("header-rows", "")]));
    let page = get(addr, &format!("/audit/{cleared}")).text();
    assert!(page.contains("header rows cleared"), "{page:.3000}");

    // A range outside the sheet: 422 with the command line's message, and nothing lost.
    let bad = post_review(addr, &id, &[("range", "X200:Z300")]);
    assert_eq!(bad.status, 422, "{}", bad.text());
    let text = bad.text();
    assert!(text.contains("range X200:Z300"), "{text}");
    assert!(text.contains("Nothing is lost"), "{text}");
    assert_eq!(get(addr, &format!("/audit/{id}/review")).status, 200);
    // A value no reading takes: 400 before any audit.
    let bad = post_review(addr, &id, &[("header-rows", "9")]);
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("header-rows 9"), "{}", bad.text());
}

#[test]
fn bad_review_forms_get_4xx_with_a_clear_message_and_lose_nothing() {
    let server = start();
    let addr = server.addr();
    let reply = upload(addr, "team.csv", TINY);
    let id = audit_id(&reply);
    let token = form_token(&reply.text());
    for (fields, status, says) in [
        (vec![("side-0", "marketing")], 400, "is not a side"),
        (
            vec![("side-99", "PO")],
            400,
            "there is no task number &quot;99&quot;",
        ),
        (
            vec![("side-x", "PO")],
            400,
            "there is no task number &quot;x&quot;",
        ),
        (vec![("accept", "99")], 400, "no suggested fix number"),
        (vec![("sheet", "0")], 400, "sheet numbers start at 1"),
        (vec![("x-means", "Q")], 400, "is not a letter"),
    ] {
        let bad = post_review(addr, &id, &fields);
        assert_eq!(bad.status, status, "{fields:?}: {}", bad.text());
        let text = bad.text();
        assert!(text.contains(says), "{fields:?}: {text}");
        assert!(text.contains("Nothing is lost"), "{fields:?}");
    }
    // A stale or unknown audit id.
    let stale = post_review(
        addr,
        "0123456789abcdef0123456789abcdef",
        &[("side-0", "PO")],
    );
    assert_eq!(stale.status, 404);
    assert!(stale.text().contains("this audit is not kept any more"));
    assert_eq!(
        get(addr, "/audit/0123456789abcdef0123456789abcdef/review").status,
        404
    );
    assert_eq!(
        get(addr, "/audit/0123456789abcdef0123456789abcdef/raci.toml").status,
        404
    );
    // A browser must send this run's token; nobody may send a wrong one.
    let no_token = post_review_with(addr, &id, &[("User-Agent", CHROME)], &[("side-0", "PO")]);
    assert_eq!(no_token.status, 403);
    assert!(no_token.text().contains("Reload the review page"));
    let wrong = post_review(
        addr,
        &id,
        &[
            ("token", "ffffffffffffffffffffffffffffffff"),
            ("side-0", "PO"),
        ],
    );
    assert_eq!(wrong.status, 403);
    // Another web page's form: refused by the Origin guard before anything is read.
    let foreign = post_review_with(
        addr,
        &id,
        &[("Origin", "http://evil.example"), ("User-Agent", CHROME)],
        &[("token", &token), ("side-0", "PO")],
    );
    assert_eq!(foreign.status, 403);
    // Not a form at all.
    let junk = request(
        addr,
        "POST",
        &format!("/audit/{id}/review"),
        &[("Content-Type", "text/plain")],
        b"side-0=PO",
    );
    assert_eq!(junk.status, 400, "{}", junk.text());
    // The audit and its review are all still there; the right token works.
    assert_eq!(get(addr, &format!("/audit/{id}/review")).status, 200);
    let ok = post_review_with(
        addr,
        &id,
        &[("User-Agent", CHROME)],
        &[("token", &token), ("side-0", "PM")],
    );
    assert_eq!(ok.status, 303, "{}", ok.text());
}

#[test]
fn an_uploaded_raci_toml_is_applied_like_the_cli() {
    let server = start();
    let addr = server.addr();
    let id = audit_id(&upload(addr, "product-team.xlsx", &sample_bytes()));
    let review = get(addr, &format!("/audit/{id}/review")).text();
    let (task, _) = first_task_on(&review, "unclassified");
    let new = redirected(&post_review(
        addr,
        &id,
        &[(&format!("side-{task}"), "PM"), ("header-rows", "3")],
    ));
    let toml = get(addr, &format!("/audit/{new}/raci.toml")).body;

    // The matrix and its raci.toml uploaded together: the same audit as the correction.
    let reply = post_form(
        addr,
        &[
            ("file", Some("product-team.xlsx"), &sample_bytes()),
            ("config", Some("raci.toml"), &toml),
        ],
    );
    let again = audit_id(&reply);
    let corrected = get(addr, &format!("/audit/{new}")).text();
    assert_eq!(headline(&reply.text()), headline(&corrected));
    for name in ["tasks.csv", "report.json", "summary.md", "matrix.png"] {
        assert!(
            get(addr, &format!("/audit/{again}/files/{name}")).body
                == get(addr, &format!("/audit/{new}/files/{name}")).body,
            "{name}"
        );
    }
    // Its raci.toml gives the same settings back (the pins once, not twice).
    let round = get(addr, &format!("/audit/{again}/raci.toml")).text();
    assert_eq!(round.matches("= \"PM\"").count(), 1, "{round}");
    assert_cli_agrees(addr, &again, round.as_bytes());

    // An uploaded raci.toml may not name a file of this machine, nor be broken.
    for (config, says) in [
        (&b"roster = \"/etc/passwd\"\n"[..], "may not name files"),
        (&b"[sides]\n\"Backlog\" = \"marketing\"\n"[..], "a side is"),
        (&b"colour = 1\n"[..], "unknown key"),
    ] {
        let reply = post_form(
            addr,
            &[
                ("file", Some("team.csv"), TINY),
                ("config", Some("raci.toml"), config),
            ],
        );
        assert_eq!(reply.status, 400, "{}", reply.text());
        assert!(reply.text().contains(says), "{}", reply.text());
    }
}

/// Chromedriver as Debian's `chromium-driver` installs it.
fn chromedriver() -> Option<&'static Path> {
    let path = Path::new("/usr/bin/chromedriver");
    path.exists().then_some(path)
}

#[test]
fn the_review_loop_clicked_through_in_headless_chromium() {
    let (Some(_), Some(driver)) = (chromium(), chromedriver()) else {
        println!(
            "SKIPPED the_review_loop_clicked_through_in_headless_chromium: no chromium or no \
             /usr/bin/chromedriver (.ci/run installs Debian's chromium and chromium-driver)"
        );
        return;
    };
    crate::review_browser::run(driver);
}

#[test]
fn the_review_page_escapes_what_the_file_says() {
    let server = start();
    let addr = server.addr();
    let file = b"Task,<b>Ann</b> (Product Owner),Bob (Product Manager)\n\
                 <script>alert(1)</script> backlog,A,R\nRoadmap \"x\" & y,,A\n";
    let id = audit_id(&upload(addr, "team.csv", file));
    let review = get(addr, &format!("/audit/{id}/review")).text();
    assert!(!review.contains("<script>alert"), "{review}");
    assert!(!review.contains("<b>Ann"));
    assert!(review.contains("&lt;script&gt;alert(1)&lt;/script&gt; backlog"));
    assert!(review.contains("Roadmap &quot;x&quot; &amp; y"));
    // Task names with quotes and markup round-trip through raci.toml and a re-audit.
    let new = redirected(&post_review(
        addr,
        &id,
        &[("side-0", "shared"), ("side-1", "shared")],
    ));
    let toml = get(addr, &format!("/audit/{new}/raci.toml")).text();
    let table: toml::Table = toml::from_str(&toml).unwrap();
    let sides = table["sides"].as_table().unwrap();
    assert!(!sides.is_empty(), "{toml}");
    for (task, side) in sides {
        assert!(
            task == "<script>alert(1)</script> backlog" || task == "Roadmap \"x\" & y",
            "{task}"
        );
        assert_eq!(side.as_str(), Some("shared"));
    }
    let tasks = get(addr, &format!("/audit/{new}/files/tasks.csv")).text();
    assert!(
        tasks.lines().skip(1).all(|l| l.contains(",shared,")),
        "{tasks}"
    );
}
