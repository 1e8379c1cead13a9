package app.immichexport.sidecar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Adds {@code tiff:ImageDescription} to a serialized sidecar. The XMP specification makes it an alias
 * of {@code dc:description}, so the XMP Toolkit writes only the latter; but Immich (through exiftool)
 * reads ImageDescription before Description, and a camera's own ImageDescription in the file
 * ("OLYMPUS DIGITAL CAMERA") would win over the sidecar's description.
 */
final class ImageDescription {

    private static final String NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String NS_TIFF = "http://ns.adobe.com/tiff/1.0/";

    private ImageDescription() {}

    static byte[] add(byte[] sidecar, String description) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sidecar));
            Element about = (Element)
                    document.getElementsByTagNameNS(NS_RDF, "Description").item(0);
            about.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tiff", NS_TIFF);
            Element property = document.createElementNS(NS_TIFF, "tiff:ImageDescription");
            Element alternatives = document.createElementNS(NS_RDF, "rdf:Alt");
            Element item = document.createElementNS(NS_RDF, "rdf:li");
            item.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "x-default");
            item.setTextContent(description);
            alternatives.appendChild(item);
            property.appendChild(alternatives);
            about.insertBefore(property, about.getFirstChild());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IOException("cannot add the image description: " + e.getMessage(), e);
        }
    }
}
