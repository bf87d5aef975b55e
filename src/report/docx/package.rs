//! The docx container: the parts a WordprocessingML package needs around `word/document.xml`
//! (content types, relationships, styles, settings, a footer with the page number, document
//! properties), zipped with fixed timestamps so the same project always gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::ooxml::escape;

/// The namespaces document.xml, footers and headers use.
pub const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The relationship id of the page-number footer in document.xml.rels.
pub const FOOTER_REL: &str = "rIdFooter1";

/// Everything that goes into one .docx besides the body.
pub struct Parts {
    pub title: String,
    /// word/document.xml.
    pub document: String,
    /// word/styles.xml.
    pub styles: String,
    /// word/footer1.xml.
    pub footer: String,
    /// Extra parts copied verbatim (a template's header, its images): (zip path, bytes,
    /// content type override or "" when the extension's default covers it).
    pub extra: Vec<(String, Vec<u8>, String)>,
    /// Extra relationships of document.xml: (id, type URI, target).
    pub extra_rels: Vec<(String, String, String)>,
    /// Defaults for extensions the extra parts use: (extension, content type).
    pub extra_defaults: Vec<(String, String)>,
}

impl Parts {
    pub fn new(title: &str, document: String) -> Parts {
        Parts {
            title: title.to_string(),
            document,
            styles: styles(),
            footer: FOOTER.to_string(),
            extra: Vec::new(),
            extra_rels: Vec::new(),
            extra_defaults: Vec::new(),
        }
    }

    fn content_types(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>",
        );
        for (ext, ty) in &self.extra_defaults {
            out.push_str(&format!(
                "<Default Extension=\"{}\" ContentType=\"{}\"/>",
                escape(ext),
                escape(ty)
            ));
        }
        for (part, ty) in [
            (
                "/word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            ),
            (
                "/word/styles.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            ),
            (
                "/word/settings.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
            ),
            (
                "/word/footer1.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
            ),
            (
                "/docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml",
            ),
            (
                "/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            ),
        ] {
            out.push_str(&format!(
                "<Override PartName=\"{part}\" ContentType=\"{ty}\"/>"
            ));
        }
        for (path, _, ty) in &self.extra {
            if !ty.is_empty() {
                out.push_str(&format!(
                    "<Override PartName=\"/{}\" ContentType=\"{}\"/>",
                    escape(path),
                    escape(ty)
                ));
            }
        }
        out.push_str("</Types>");
        out
    }

    fn document_rels(&self) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
             <Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>",
        );
        out.push_str(&format!(
            "<Relationship Id=\"{FOOTER_REL}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        ));
        for (id, ty, target) in &self.extra_rels {
            out.push_str(&format!(
                "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>",
                escape(id),
                escape(ty),
                escape(target)
            ));
        }
        out.push_str("</Relationships>");
        out
    }

    fn core(&self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
             <dc:title>{}</dc:title><dc:creator>jixiao</dc:creator></cp:coreProperties>",
            escape(&self.title)
        )
    }

    /// The zipped package.
    pub fn zip(&self) -> zip::result::ZipResult<Vec<u8>> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default());
        let mut put = |name: &str, bytes: &[u8]| -> zip::result::ZipResult<()> {
            zip.start_file(name, opts)?;
            zip.write_all(bytes)?;
            Ok(())
        };
        // [Content_Types].xml first, as Word writes it.
        put("[Content_Types].xml", self.content_types().as_bytes())?;
        put("_rels/.rels", ROOT_RELS.as_bytes())?;
        put("docProps/core.xml", self.core().as_bytes())?;
        put("docProps/app.xml", APP.as_bytes())?;
        put("word/document.xml", self.document.as_bytes())?;
        put(
            "word/_rels/document.xml.rels",
            self.document_rels().as_bytes(),
        )?;
        put("word/styles.xml", self.styles.as_bytes())?;
        put("word/settings.xml", SETTINGS.as_bytes())?;
        put("word/footer1.xml", self.footer.as_bytes())?;
        for (path, bytes, _) in &self.extra {
            put(path, bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    }
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>jixiao</Application></Properties>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

/// The page number, centred: "- 1 -", as 公文 print it.
const FOOTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">- </w:t></w:r>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
<w:r><w:t xml:space=\"preserve\"> -</w:t></w:r></w:p></w:ftr>";

/// Run fonts: Times New Roman for Latin text and digits, `east` for Chinese (`w:eastAsia`:
/// without it Word sets Chinese in whatever its default East-Asian font is).
fn fonts(east: &str) -> String {
    format!(
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"{east}\" w:cs=\"Times New Roman\"/>"
    )
}

fn paragraph_style(id: &str, name: &str, ppr: &str, east: &str, rpr: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
         <w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{}{rpr}</w:rPr></w:style>",
        fonts(east)
    )
}

/// 公文-style typography: 仿宋 body (四号, 14 pt) with a two-character first-line indent,
/// 黑体 for 一级 headings, 楷体 for 二级, 宋体 for titles and tables (五号, 10.5 pt).
pub fn styles() -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    );
    s.push_str(&format!(
        "<w:docDefaults><w:rPrDefault><w:rPr>{}<w:kern w:val=\"2\"/><w:sz w:val=\"28\"/>\
         <w:szCs w:val=\"28\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr>\
         </w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>\
         </w:pPr></w:pPrDefault></w:docDefaults>",
        fonts("仿宋")
    ));
    s.push_str(&format!(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>\
         <w:qFormat/><w:pPr><w:spacing w:line=\"360\" w:lineRule=\"auto\"/></w:pPr><w:rPr>{}</w:rPr></w:style>",
        fonts("仿宋")
    ));
    s.push_str(&paragraph_style(
        "Body",
        "Body Text Chinese",
        "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"560\"/>",
        "仿宋",
        "",
    ));
    s.push_str(&paragraph_style(
        "Title",
        "Title",
        "<w:spacing w:before=\"240\" w:after=\"360\"/><w:jc w:val=\"center\"/>",
        "宋体",
        "<w:b/><w:bCs/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>",
    ));
    for (level, east, size, bold) in [(1, "黑体", 32, ""), (2, "楷体", 30, "<w:b/><w:bCs/>")] {
        s.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Body\"/><w:qFormat/><w:pPr><w:keepNext/>\
             <w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>\
             <w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr>{}{bold}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>\
             </w:rPr></w:style>",
            level - 1,
            fonts(east)
        ));
    }
    s.push_str(
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>\
         <w:basedOn w:val=\"Body\"/><w:next w:val=\"Body\"/><w:qFormat/><w:pPr><w:keepNext/>\
         <w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>",
    );
    s.push_str(&paragraph_style(
        "Caption",
        "caption",
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/><w:jc w:val=\"center\"/>",
        "黑体",
        "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
    ));
    s.push_str(&paragraph_style(
        "TableText",
        "Table Text",
        "<w:spacing w:line=\"260\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
        "宋体",
        "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>",
    ));
    s.push_str(&paragraph_style(
        "TableHeader",
        "Table Header",
        "<w:keepNext/><w:spacing w:line=\"260\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
        "黑体",
        "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>",
    ));
    s.push_str(&paragraph_style(
        "Footer",
        "footer",
        "<w:jc w:val=\"center\"/>",
        "宋体",
        "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
    ));
    s.push_str(
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"ScoreTable\"><w:name w:val=\"Score Table\"/>\
         <w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         </w:tblBorders><w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
    );
    s.push_str("</w:styles>");
    s
}
