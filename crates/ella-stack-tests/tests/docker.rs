//! `docker/Dockerfile` against the repository, without a Docker engine: every file it copies from
//! the build context exists, the runtime stage has ELLA's environment defaults (deployment.md
//! §2-§3), and every variable `supervisord.conf` expands has a value in the container.

use std::collections::BTreeMap;
use std::path::Path;

use ella_test_support::repo_root;

/// The Dockerfile's instructions: continuation lines joined, comments dropped.
fn instructions() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(repo_root().join("docker/Dockerfile")).expect("docker/Dockerfile");
    let mut joined = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if current.is_empty() && (trimmed.is_empty() || trimmed.starts_with('#')) {
            continue;
        }
        if let Some(start) = trimmed.strip_suffix('\\') {
            current.push_str(start);
            current.push(' ');
        } else {
            current.push_str(trimmed);
            joined.push(std::mem::take(&mut current));
        }
    }
    joined
        .into_iter()
        .map(|line| {
            let (keyword, rest) = line.split_once(' ').unwrap_or((&line, ""));
            (keyword.to_uppercase(), rest.trim().to_owned())
        })
        .collect()
}

/// The instructions of the last stage (the image that runs).
fn runtime_stage() -> Vec<(String, String)> {
    let all = instructions();
    let last_from = all
        .iter()
        .rposition(|(keyword, _)| keyword == "FROM")
        .expect("a FROM");
    all[last_from..].to_vec()
}

/// `KEY=VALUE` pairs of the `ENV` instructions of the runtime stage.
fn env_defaults() -> BTreeMap<String, String> {
    runtime_stage()
        .into_iter()
        .filter(|(keyword, _)| keyword == "ENV")
        .flat_map(|(_, rest)| {
            rest.split_whitespace()
                .filter_map(|pair| pair.split_once('='))
                .map(|(key, value)| (key.to_owned(), value.trim_matches('"').to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_file_the_dockerfile_copies_from_the_context_exists() {
    let root = repo_root();
    let mut copied = 0;
    for (keyword, rest) in instructions() {
        if keyword != "COPY" && keyword != "ADD" {
            continue;
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.iter().any(|word| word.starts_with("--from=")) {
            continue;
        }
        let paths: Vec<&str> = words
            .into_iter()
            .filter(|word| !word.starts_with("--"))
            .collect();
        let (_destination, sources) = paths.split_last().expect("COPY source… destination");
        assert!(!sources.is_empty(), "COPY {rest}");
        for source in sources {
            assert!(
                root.join(source).exists(),
                "docker/Dockerfile copies {source}, which is not in the repository"
            );
            copied += 1;
        }
    }
    assert!(copied > 0, "the Dockerfile copies nothing from the context");
}

#[test]
fn the_runtime_image_has_ellas_environment_defaults() {
    let env = env_defaults();
    for (name, expected) in [
        ("PORT", Some("3114")),
        ("ANALYSES_PATH", Some("/data/analyses/imported")),
        ("ANALYSES_INCOMING", Some("/data/analyses/incoming")),
        ("IGV_DATA", Some("/data/igv-data")),
        ("ATTACHMENT_STORAGE", Some("/data/attachments")),
        ("OFFLINE_MODE", Some("false")),
        ("ELLA_CONFIG", None),
        ("ELLA_ROOT", Some("/ella")),
        ("ELLA_BIN", None),
        ("ELLA_LOG_DIR", Some("/logs")),
        ("ELLA_RUN_DIR", Some("/socket")),
    ] {
        let value = env
            .get(name)
            .unwrap_or_else(|| panic!("no ENV default for {name}: {env:?}"));
        if let Some(expected) = expected {
            assert_eq!(value, expected, "ENV {name}");
        } else {
            assert!(!value.is_empty(), "ENV {name} is empty");
        }
    }
    let stage = runtime_stage();
    assert!(
        stage
            .iter()
            .any(|(keyword, rest)| keyword == "USER" && rest != "root" && rest != "0"),
        "the runtime image runs as a non-root user"
    );
    assert!(
        stage
            .iter()
            .any(|(keyword, rest)| keyword == "CMD" && rest.contains("/ella/docker/entrypoint.sh")),
        "the image starts through docker/entrypoint.sh"
    );
}

#[test]
fn every_variable_supervisord_conf_expands_is_set_in_the_container() {
    let conf = std::fs::read_to_string(repo_root().join("supervisord.conf")).expect("conf");
    let env = env_defaults();
    let entrypoint =
        std::fs::read_to_string(repo_root().join("docker/entrypoint.sh")).expect("entrypoint");
    let mut rest = conf.as_str();
    while let Some(start) = rest.find("%(ENV_") {
        let after = &rest[start + "%(ENV_".len()..];
        let end = after.find(")s").expect("%(ENV_NAME)s");
        let name = &after[..end];
        assert!(
            env.contains_key(name) || entrypoint.contains(&format!("export {name}=")),
            "supervisord.conf needs {name}, which neither the Dockerfile nor the entrypoint sets"
        );
        rest = &after[end..];
    }
}

#[test]
fn the_entrypoint_checks_the_database_and_execs_supervisord() {
    let path = repo_root().join("docker/entrypoint.sh");
    let text = std::fs::read_to_string(&path).expect("entrypoint");
    assert!(text.contains("database compare"));
    assert!(text.contains("SUPERVISOR_USERNAME=${SUPERVISOR_USERNAME:-ella}"));
    assert!(text.contains("SUPERVISOR_PASSWORD=${SUPERVISOR_PASSWORD:-alleles}"));
    assert!(text.contains("exec supervisord -c"));
    assert!(is_executable(&path), "docker/entrypoint.sh is executable");
    for script in [path.as_path(), &repo_root().join("scripts/start-nginx")] {
        let syntax = std::process::Command::new("bash")
            .arg("-n")
            .arg(script)
            .status()
            .expect("bash -n");
        assert!(syntax.success(), "bash -n {}", script.display());
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|meta| meta.permissions().mode() & 0o111 != 0)
}
