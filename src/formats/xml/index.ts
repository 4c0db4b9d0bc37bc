/**
 * Public API of the XML format module (EPCIS 2.0 / 1.2 XML <-> the canonical EPCIS 2.0 JSON model).
 */
export { parseEpcisXml, mapXmlTree, type ParsedXmlDocument, type ParseXmlOptions } from './parse-epcis-xml';
export { serializeEpcisXml, type SerializeXmlOptions } from './document-to-xml';
export { serializeCaptureJobXml, type CaptureJobXmlInput } from './capture-job-xml';
export { serializeProblemXml } from './problem-xml';
export {
  validateEpcisXmlSchema,
  XsdValidator,
  PROJECT_XSD_LAYOUT,
  PROJECT_XSD_DIR,
  type XsdSetLayout,
  type XsdValidationError,
} from './xsd-validator';
export { CBV_XML_FORMATS, type CbvXmlFormat } from './cbv-xml-forms';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-limits';
export { EPCIS_CONTEXT_URL, type EpcisXmlKind, type EpcisXmlVersion } from './epcis-namespaces';
export { namespacesFromContext } from './context-namespaces';
