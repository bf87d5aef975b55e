//! A workbook (xlsx, ods) is a zip archive; a tiny one can claim gigabytes once inflated (a
//! "zip bomb"), and the workbook reader would inflate a sheet in memory. Before reading, the
//! archive's own directory is summed and refused beyond a limit.

use super::FileProblem;

/// The most a workbook may inflate to: the largest real indicator tables inflate to a few MiB.
pub const INFLATED_LIMIT: u64 = 256 * 1024 * 1024;

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;

fn u16_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?) as u64)
}

fn u32_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as u64)
}

/// Refuses an archive whose entries add up to more than `INFLATED_LIMIT` once inflated (or
/// whose directory cannot be read, or that needs ZIP64: no workbook of ours is that large).
pub fn check(bytes: &[u8]) -> Result<(), FileProblem> {
    check_with(bytes, INFLATED_LIMIT)
}

fn check_with(bytes: &[u8], limit: u64) -> Result<(), FileProblem> {
    let damaged = || FileProblem::Damaged;
    // The end-of-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let end = (from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(END_OF_DIRECTORY as u64))
        .ok_or_else(damaged)?;
    let entries = u16_at(bytes, end + 10).ok_or_else(damaged)?;
    let mut at = u32_at(bytes, end + 16).ok_or_else(damaged)? as usize;
    let mut total: u64 = 0;
    for _ in 0..entries {
        if u32_at(bytes, at) != Some(DIRECTORY_ENTRY as u64) {
            return Err(damaged());
        }
        let size = u32_at(bytes, at + 24).ok_or_else(damaged)?;
        if size == u32::MAX as u64 {
            return Err(too_large(None, limit));
        }
        total = total.saturating_add(size);
        if total > limit {
            return Err(too_large(Some(total), limit));
        }
        let name = u16_at(bytes, at + 28).ok_or_else(damaged)? as usize;
        let extra = u16_at(bytes, at + 30).ok_or_else(damaged)? as usize;
        let comment = u16_at(bytes, at + 32).ok_or_else(damaged)? as usize;
        at += 46 + name + extra + comment;
    }
    Ok(())
}

fn too_large(total: Option<u64>, limit: u64) -> FileProblem {
    let mib = |n: u64| n / (1024 * 1024);
    FileProblem::Inflates {
        limit: mib(limit),
        total: total.map(mib),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored (uncompressed) zip with one entry whose directory states `size`.
    fn zip_claiming(size: u32) -> Vec<u8> {
        let mut z = Vec::new();
        // local header
        z.extend(0x0403_4b50u32.to_le_bytes());
        z.extend([0u8; 22]);
        z.extend(1u16.to_le_bytes()); // name length
        z.extend(0u16.to_le_bytes());
        z.push(b'a');
        let dir_at = z.len() as u32;
        z.extend(DIRECTORY_ENTRY.to_le_bytes());
        z.extend([0u8; 20]);
        z.extend(size.to_le_bytes()); // uncompressed size at +24
        z.extend(1u16.to_le_bytes()); // name length at +28
        z.extend([0u8; 14]);
        z.push(b'a');
        let dir_len = z.len() as u32 - dir_at;
        z.extend(END_OF_DIRECTORY.to_le_bytes());
        z.extend([0u8; 4]);
        z.extend(1u16.to_le_bytes());
        z.extend(1u16.to_le_bytes()); // entries at +10
        z.extend(dir_len.to_le_bytes());
        z.extend(dir_at.to_le_bytes()); // directory offset at +16
        z.extend(0u16.to_le_bytes());
        z
    }

    #[test]
    fn a_claimed_size_beyond_the_limit_is_refused() {
        assert_eq!(check_with(&zip_claiming(1000), 1000), Ok(()));
        let e = check_with(&zip_claiming(1001), 1000).unwrap_err();
        assert!(matches!(e, FileProblem::Inflates { .. }), "{e}");
        assert!(e.to_string().contains("would inflate to more than"), "{e}");
        assert!(check_with(&zip_claiming(u32::MAX), u64::MAX).is_err());
        assert_eq!(check_with(b"PK not a zip", 1000), Err(FileProblem::Damaged));
    }
}
