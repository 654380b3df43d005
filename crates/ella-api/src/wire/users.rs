//! Users, their groups and the account requests (api.md §1.7 `UserFull`, §2.4, §2.5, §4.1).

use chrono::{DateTime, Utc};
use ella_db::user::UserRow;
use ella_db::usergroup::{GroupProfile, PanelRef};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::serialize_datetime;
use crate::lax::LaxString;

/// A gene panel reference (api.md §1.7, `GenepanelRef`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GenepanelRef {
    /// Panel name.
    pub name: String,
    /// Panel version.
    pub version: String,
    /// Whether the panel is official.
    pub official: bool,
}

impl From<&PanelRef> for GenepanelRef {
    fn from(panel: &PanelRef) -> Self {
        Self {
            name: panel.name.clone(),
            version: panel.version.clone(),
            official: panel.official,
        }
    }
}

/// A user group (api.md §1.7, `UserGroup`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserGroup {
    /// Group id.
    pub id: i32,
    /// Group name.
    pub name: String,
    /// The panels the group may work with.
    pub genepanels: Vec<GenepanelRef>,
    /// Default panel of the import dialog.
    pub default_import_genepanel: Option<GenepanelRef>,
    /// Names of the groups the members may import for; only in `/users/currentuser/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_groups: Option<Vec<String>>,
}

impl From<&GroupProfile> for UserGroup {
    fn from(profile: &GroupProfile) -> Self {
        Self {
            id: profile.group.id,
            name: profile.group.name.clone(),
            genepanels: profile.genepanels.iter().map(GenepanelRef::from).collect(),
            default_import_genepanel: profile
                .default_import_genepanel
                .as_ref()
                .map(GenepanelRef::from),
            import_groups: None,
        }
    }
}

/// A user, short form (api.md §1.7, `User`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct User {
    /// User id.
    pub id: i32,
    /// Login name.
    pub username: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// `first_name last_name`.
    pub full_name: String,
    /// Initials and last word of the last name, e.g. `A. v. d. Berg`.
    pub abbrev_name: String,
    /// `false` when locked.
    pub active: bool,
    /// Name of the user's group.
    #[expect(clippy::struct_field_names, reason = "ELLA's key")]
    pub user_group_name: String,
}

impl User {
    /// The short wire form of `user`, a member of the group `group_name`.
    pub fn new(user: &UserRow, group_name: &str) -> Self {
        Self {
            id: user.id,
            username: user.username.clone(),
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            full_name: full_name(user),
            abbrev_name: abbreviated_name(&user.first_name, &user.last_name),
            active: user.active,
            user_group_name: group_name.to_owned(),
        }
    }
}

/// A user with their group (api.md §1.7, `UserFull`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserFull {
    /// User id.
    pub id: i32,
    /// Login name.
    pub username: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// `first_name last_name`.
    pub full_name: String,
    /// Initials and last word of the last name, e.g. `A. v. d. Berg`.
    pub abbrev_name: String,
    /// E-mail address.
    pub email: Option<String>,
    /// `false` when locked.
    pub active: bool,
    /// When the password (and every session) expires.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub password_expiry: DateTime<Utc>,
    /// The user's group.
    pub group: UserGroup,
}

impl UserFull {
    /// The wire form of `user`, whose group is `group`.
    pub fn new(user: &UserRow, group: &GroupProfile) -> Self {
        Self {
            id: user.id,
            username: user.username.clone(),
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            full_name: full_name(user),
            abbrev_name: abbreviated_name(&user.first_name, &user.last_name),
            email: user.email.clone(),
            active: user.active,
            password_expiry: user.password_expiry,
            group: UserGroup::from(group),
        }
    }
}

/// The caller as `/users/currentuser/` shows them: `UserFull` plus the group name and the
/// group's import groups (api.md §4.1).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CurrentUser {
    /// The user; `group.import_groups` is filled.
    #[serde(flatten)]
    pub user: UserFull,
    /// Name of the user's group.
    pub user_group_name: String,
}

impl CurrentUser {
    /// The wire form of the caller `user` in `group`, who may import for `import_groups`.
    pub fn new(user: &UserRow, group: &GroupProfile, import_groups: Vec<String>) -> Self {
        let mut user = UserFull::new(user, group);
        user.group.import_groups = Some(import_groups);
        Self {
            user_group_name: user.group.name.clone(),
            user,
        }
    }
}

/// `first_name last_name`.
fn full_name(user: &UserRow) -> String {
    format!("{} {}", user.first_name, user.last_name)
}

/// ELLA's short name: the initial of the first name and of every word of the last name but the
/// last, each with a dot, then the last word (`Anne`/`van der Berg` → `A. v. d. Berg`).
fn abbreviated_name(first_name: &str, last_name: &str) -> String {
    let words: Vec<&str> = last_name.split_whitespace().collect();
    let (last_word, leading) = words
        .split_last()
        .map_or(("", &[][..]), |(last, rest)| (*last, rest));
    let mut parts: Vec<String> = std::iter::once(first_name)
        .chain(leading.iter().copied())
        .filter_map(|word| word.chars().next().map(|initial| format!("{initial}.")))
        .collect();
    parts.push(last_word.to_owned());
    parts.join(" ")
}

/// Body of `POST /users/actions/login/` (api.md §2.4); other keys are refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Login name.
    pub username: LaxString,
    /// Password.
    pub password: LaxString,
}

/// Body of `POST /users/actions/changepassword/` (api.md §2.5); other keys are refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    /// Login name.
    pub username: LaxString,
    /// The current password, which authenticates the request.
    pub password: LaxString,
    /// The new password.
    pub new_password: LaxString,
}

#[cfg(test)]
mod tests {
    use super::abbreviated_name;

    #[test]
    fn short_names_follow_ella() {
        assert_eq!(abbreviated_name("Ola", "Nordmann"), "O. Nordmann");
        assert_eq!(abbreviated_name("Anne", "van der Berg"), "A. v. d. Berg");
        assert_eq!(
            abbreviated_name("Alexander", "Lange Kielland"),
            "A. L. Kielland"
        );
        assert_eq!(abbreviated_name("Bjørnstjerne", "Bjørnson"), "B. Bjørnson");
    }
}
