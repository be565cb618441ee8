//! Learning steps as people write them in settings: "1m 10m", "30s 1h 1d".

/// Minutes from "1m 10m 1h 1d 30s" (a bare number means minutes). Empty text = no steps.
pub fn parse_steps(text: &str) -> Result<Vec<f32>, String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|part| !part.is_empty())
        .map(parse_step)
        .collect()
}

fn parse_step(part: &str) -> Result<f32, String> {
    let (number, unit) = match part.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((at, _)) => part.split_at(at),
        None => (part, "m"),
    };
    let factor = match unit {
        "s" => 1.0 / 60.0,
        "m" => 1.0,
        "h" => 60.0,
        "d" => 24.0 * 60.0,
        _ => return Err(format!("{part:?}: write steps like 1m, 10m, 1h or 1d")),
    };
    let value: f32 = number
        .parse()
        .map_err(|_| format!("{part:?}: write steps like 1m, 10m, 1h or 1d"))?;
    if !(value > 0.0 && value.is_finite()) {
        return Err(format!("{part:?}: a step must be longer than zero"));
    }
    Ok(value * factor)
}

/// "1m 10m" from minutes, in the largest whole unit.
pub fn format_steps(minutes: &[f32]) -> String {
    minutes
        .iter()
        .map(|m| format_step(*m))
        .collect::<Vec<_>>()
        .join(" ")
}

fn format_step(minutes: f32) -> String {
    let whole = |value: f32| (value - value.round()).abs() < 1e-4;
    if minutes >= 1440.0 && whole(minutes / 1440.0) {
        format!("{}d", (minutes / 1440.0).round())
    } else if minutes >= 60.0 && whole(minutes / 60.0) {
        format!("{}h", (minutes / 60.0).round())
    } else if whole(minutes) {
        format!("{}m", minutes.round())
    } else {
        format!("{}s", (minutes * 60.0).round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_read_and_write_in_units() {
        assert_eq!(parse_steps("1m 10m"), Ok(vec![1.0, 10.0]));
        assert_eq!(
            parse_steps("30s, 1h 1d 5"),
            Ok(vec![0.5, 60.0, 1440.0, 5.0])
        );
        assert_eq!(parse_steps(""), Ok(vec![]));
        assert!(parse_steps("10x").is_err());
        assert!(parse_steps("0m").is_err());
        assert_eq!(
            format_steps(&[1.0, 10.0, 60.0, 1440.0, 0.5]),
            "1m 10m 1h 1d 30s"
        );
    }
}
