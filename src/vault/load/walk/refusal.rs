//! Vault roots munje will not walk: the file system root and the kernel's
//! pseudo-filesystems (`/proc`, `/sys`, …), known by the mount table.

use std::path::Path;

use super::Refusal;

/// File systems the kernel makes up: files without end, or without
/// meaning as notes.
const PSEUDO_FILESYSTEMS: &[&str] = &[
    "proc",
    "sysfs",
    "devtmpfs",
    "devpts",
    "cgroup",
    "cgroup2",
    "debugfs",
    "tracefs",
    "securityfs",
    "pstore",
    "bpf",
    "configfs",
    "fusectl",
    "mqueue",
    "hugetlbfs",
    "binfmt_misc",
    "efivarfs",
    "selinuxfs",
    "autofs",
    "rpc_pipefs",
    "nsfs",
];

/// Why a root (its canonical path) must not be walked, if it must not.
pub(super) fn refusal(real_root: &Path) -> Option<Refusal> {
    if real_root.parent().is_none() {
        return Some(Refusal::FileSystemRoot);
    }
    if let Some(fs) = mount_type(real_root).filter(|fs| PSEUDO_FILESYSTEMS.contains(&fs.as_str())) {
        return Some(Refusal::PseudoFileSystem(fs));
    }
    for (top, fs) in [("/proc", "proc"), ("/sys", "sysfs"), ("/dev", "devtmpfs")] {
        if cfg!(target_os = "linux") && real_root.starts_with(top) {
            return Some(Refusal::PseudoFileSystem(fs.to_owned()));
        }
    }
    None
}

/// The type of the file system holding `path`, from the mount table.
#[cfg(target_os = "linux")]
fn mount_type(path: &Path) -> Option<String> {
    use std::io::Read as _;
    let mut table = String::new();
    std::fs::File::open("/proc/self/mountinfo")
        .ok()?
        .take(4 * 1024 * 1024)
        .read_to_string(&mut table)
        .ok()?;
    table
        .lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let point = unescape_mount(left.split(' ').nth(4)?);
            let fs = right.split(' ').next()?;
            path.starts_with(&point)
                .then(|| (point.len(), fs.to_owned()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, fs)| fs)
}

#[cfg(not(target_os = "linux"))]
fn mount_type(_: &Path) -> Option<String> {
    None
}

/// A mount point as the kernel writes it: space, tab, newline and `\` as
/// octal escapes.
#[cfg(target_os = "linux")]
fn unescape_mount(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let code = rest
            .get(i + 1..i + 4)
            .and_then(|o| u8::from_str_radix(o, 8).ok());
        if let Some(c) = code {
            out.push(char::from(c));
            rest = &rest[i + 4..];
        } else {
            out.push('\\');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_os = "linux")]
    #[test]
    fn the_root_and_the_kernels_file_systems_are_refused() {
        assert_eq!(refusal(Path::new("/")), Some(Refusal::FileSystemRoot));
        for path in ["/proc", "/proc/self", "/sys", "/sys/kernel"] {
            assert!(
                matches!(refusal(Path::new(path)), Some(Refusal::PseudoFileSystem(_))),
                "{path}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(refusal(&real), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn mount_points_are_unescaped() {
        assert_eq!(unescape_mount("/mnt/my\\040notes"), "/mnt/my notes");
        assert_eq!(unescape_mount("/a\\b"), "/a\\b");
    }
}
