//! `--template firm.docx`: a firm's reference document lends the export its look, the way
//! pandoc's reference-doc does — its styles (the export's own styles fill in any the firm's
//! file lacks, so every paragraph still has one), its portrait page margins, and its default
//! header and footer with the images they show (a logo). Its body text is ignored.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;

use super::SectionSetup;
use super::ooxml::Margins;
use super::package::Parts;

const HEADER_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const FOOTER_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const THEME_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
const NUMBERING_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";

/// What the export takes from a reference document.
#[derive(Debug, Clone, Default)]
pub struct Template {
    styles: Option<String>,
    margins: Option<Margins>,
    /// (header or footer, new relationship id, zip path in the export).
    refs: Vec<(bool, String, String)>,
    /// Parts copied verbatim: (zip path, bytes, content type or "").
    parts: Vec<(String, Vec<u8>, String)>,
    /// Relationships of document.xml to add: (id, type, target).
    rels: Vec<(String, String, String)>,
}

/// One `Relationship` of a .rels part.
struct Rel {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

fn attrs(e: &quick_xml::events::BytesStart) -> HashMap<String, String> {
    e.attributes()
        .flatten()
        .filter_map(|a| {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()?;
            Some((a.key.as_ref().to_string(), v.into_owned()))
        })
        .collect()
}

fn rels(xml: &str) -> Vec<Rel> {
    let mut out = Vec::new();
    let mut reader = quick_xml::Reader::from_str(xml);
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let a = attrs(&e);
                out.push(Rel {
                    id: a.get("Id").cloned().unwrap_or_default(),
                    kind: a.get("Type").cloned().unwrap_or_default(),
                    target: a.get("Target").cloned().unwrap_or_default(),
                    external: a.get("TargetMode").is_some_and(|m| m == "External"),
                })
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The body's own section properties (the last `w:sectPr`): default header/footer ids and the
/// margins.
fn last_section(document: &str) -> (Vec<(bool, String)>, Option<Margins>) {
    let Some(start) = document.rfind("<w:sectPr") else {
        return (Vec::new(), None);
    };
    let mut refs = Vec::new();
    let mut margins = None;
    let mut reader = quick_xml::Reader::from_str(&document[start..]);
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                let a = attrs(&e);
                let default = a.get("w:type").is_none_or(|t| t == "default");
                match name.as_str() {
                    "w:headerReference" | "w:footerReference" if default => {
                        if let Some(id) = a.get("r:id") {
                            refs.push((name == "w:headerReference", id.clone()));
                        }
                    }
                    "w:pgMar" => {
                        let n = |k: &str| -> Option<u32> {
                            a.get(k)?
                                .parse::<i64>()
                                .ok()
                                .map(|v| v.unsigned_abs() as u32)
                        };
                        if let (Some(t), Some(r), Some(b), Some(l)) =
                            (n("w:top"), n("w:right"), n("w:bottom"), n("w:left"))
                        {
                            margins = Some((t, r, b, l));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.name().as_ref() == "w:sectPr" => break,
            Event::Eof => break,
            _ => {}
        }
    }
    (refs, margins)
}

fn content_type_of(path: &str) -> Option<(&'static str, &'static str)> {
    let ext = path.rsplit('.').next()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => ("png", "image/png"),
        "jpg" => ("jpg", "image/jpeg"),
        "jpeg" => ("jpeg", "image/jpeg"),
        "gif" => ("gif", "image/gif"),
        "bmp" => ("bmp", "image/bmp"),
        "emf" => ("emf", "image/x-emf"),
        "wmf" => ("wmf", "image/x-wmf"),
        "tif" => ("tif", "image/tiff"),
        "tiff" => ("tiff", "image/tiff"),
        "svg" => ("svg", "image/svg+xml"),
        _ => return None,
    })
}

/// Style ids defined in a styles part.
fn style_ids(styles: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut reader = quick_xml::Reader::from_str(styles);
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:style" => {
                if let Some(id) = attrs(&e).get("w:styleId") {
                    out.push(id.clone());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The firm's styles, then each of the export's styles the firm's file does not define.
fn merge_styles(firm: &str, ours: &str) -> String {
    let have = style_ids(firm);
    let mut extra = String::new();
    for block in ours.split("<w:style ").skip(1) {
        let block = match block.find("</w:style>") {
            Some(end) => &block[..end + "</w:style>".len()],
            None => continue,
        };
        let id = block
            .split("w:styleId=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("");
        if !have.iter().any(|h| h == id) {
            extra.push_str("<w:style ");
            extra.push_str(block);
        }
    }
    match firm.rfind("</w:styles>") {
        Some(end) => format!("{}{extra}{}", &firm[..end], &firm[end..]),
        None => firm.to_string(),
    }
}

impl Template {
    /// Reads a .docx (or .dotx) reference document.
    pub fn read(bytes: &[u8]) -> Result<Template, String> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a Word document (docx): {e}"))?;
        let mut text = |name: &str| -> Option<String> {
            let mut s = String::new();
            zip.by_name(name).ok()?.read_to_string(&mut s).ok()?;
            Some(s)
        };
        let document =
            text("word/document.xml").ok_or("not a Word document: it has no word/document.xml")?;
        let doc_rels = rels(&text("word/_rels/document.xml.rels").unwrap_or_default());
        let styles = text("word/styles.xml");
        let (refs, margins) = last_section(&document);
        let mut t = Template {
            styles,
            margins,
            ..Template::default()
        };
        let mut bytes_of = |name: &str| -> Option<Vec<u8>> {
            let mut v = Vec::new();
            zip.by_name(name).ok()?.read_to_end(&mut v).ok()?;
            Some(v)
        };
        for (k, (header, id)) in refs.iter().enumerate() {
            let part_kind = if *header { "/header" } else { "/footer" };
            let Some(rel) = doc_rels
                .iter()
                .find(|r| &r.id == id && !r.external && r.kind.ends_with(part_kind))
            else {
                continue;
            };
            let source = format!("word/{}", rel.target.trim_start_matches('/'));
            let source = source.replace("word/word/", "word/");
            let Some(xml) = bytes_of(&source) else {
                continue;
            };
            let kind = if *header { "header" } else { "footer" };
            let name = format!("tpl-{kind}{}.xml", k + 1);
            let new_id = format!("rIdTpl{}", k + 1);
            // The part's own relationships (a logo) come along, targets unchanged.
            let file = source.rsplit('/').next().unwrap_or("");
            if let Some(r) = bytes_of(&format!("word/_rels/{file}.rels")) {
                for media in rels(&String::from_utf8_lossy(&r))
                    .into_iter()
                    .filter(|m| !m.external)
                {
                    let path = format!("word/{}", media.target.trim_start_matches('/'));
                    if t.parts.iter().any(|(p, _, _)| *p == path) {
                        continue;
                    }
                    if let Some(b) = bytes_of(&path) {
                        t.parts.push((path, b, String::new()));
                    }
                }
                t.parts
                    .push((format!("word/_rels/{name}.rels"), r, String::new()));
            }
            t.parts.push((
                format!("word/{name}"),
                xml,
                format!(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
                ),
            ));
            t.rels.push((
                new_id.clone(),
                if *header { HEADER_TYPE } else { FOOTER_TYPE }.to_string(),
                name.clone(),
            ));
            t.refs.push((*header, new_id, name));
        }
        // Styles may name theme fonts and list numbering: bring those parts along.
        for (kind, ty, path, ct) in [
            (
                THEME_TYPE,
                "theme",
                "word/theme/theme1.xml",
                "application/vnd.openxmlformats-officedocument.theme+xml",
            ),
            (
                NUMBERING_TYPE,
                "numbering",
                "word/numbering.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
            ),
        ] {
            if let Some(b) = bytes_of(path) {
                t.parts.push((path.to_string(), b, ct.to_string()));
                t.rels.push((
                    format!("rIdTpl{ty}"),
                    kind.to_string(),
                    path.trim_start_matches("word/").to_string(),
                ));
            }
        }
        Ok(t)
    }

    /// The sections' header/footer references and margins. Without a header or footer of its
    /// own, the template keeps the export's page-number footer.
    pub fn section_setup(&self) -> SectionSetup {
        let mut setup = SectionSetup::default();
        if !self.refs.is_empty() {
            let mut refs = String::new();
            // Headers first, then footers, as the schema orders them.
            for want_header in [true, false] {
                for (header, id, _) in self.refs.iter().filter(|r| r.0 == want_header) {
                    let el = if *header { "header" } else { "footer" };
                    refs.push_str(&format!(
                        "<w:{el}Reference w:type=\"default\" r:id=\"{id}\"/>"
                    ));
                }
            }
            if !self.refs.iter().any(|r| !r.0) {
                // A header only: the page number stays.
                refs.push_str(&format!(
                    "<w:footerReference w:type=\"default\" r:id=\"{}\"/>",
                    super::package::FOOTER_REL
                ));
            }
            setup.refs = refs;
        }
        if let Some(m) = self.margins {
            setup.margins = m;
        }
        setup
    }

    /// Puts the firm's parts into the package.
    pub fn apply(&self, parts: &mut Parts) {
        if let Some(firm) = &self.styles {
            parts.styles = merge_styles(firm, &parts.styles);
        }
        for (path, bytes, ct) in &self.parts {
            if let Some((ext, ty)) = content_type_of(path)
                && !parts.extra_defaults.iter().any(|(e, _)| e == ext)
            {
                parts.extra_defaults.push((ext.to_string(), ty.to_string()));
            }
            parts.extra.push((path.clone(), bytes.clone(), ct.clone()));
        }
        parts.extra_rels.extend(self.rels.iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn firm_styles_win_and_ours_fill_the_gaps() {
        let firm = "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:name w:val=\"x\"/></w:style></w:styles>";
        let ours = super::super::package::styles();
        let merged = merge_styles(firm, &ours);
        assert_eq!(merged.matches("w:styleId=\"Body\"").count(), 1);
        assert!(merged.contains("<w:name w:val=\"x\"/>"));
        assert!(merged.contains("w:styleId=\"TableText\""));
        assert!(merged.ends_with("</w:styles>"));
    }

    #[test]
    fn reads_the_last_section() {
        let doc = "<w:body><w:p/><w:sectPr><w:headerReference w:type=\"first\" r:id=\"r1\"/>\
                   <w:headerReference w:type=\"default\" r:id=\"r2\"/><w:pgMar w:top=\"1440\" \
                   w:right=\"1200\" w:bottom=\"1440\" w:left=\"1300\"/></w:sectPr></w:body>";
        let (refs, m) = last_section(doc);
        assert_eq!(refs, vec![(true, "r2".to_string())]);
        assert_eq!(m, Some((1440, 1200, 1440, 1300)));
    }
}
