import { DSD_ID, OBS_STATUS } from './sdmx-model.ts';
import { NS } from './sdmx-structure-xml.ts';
import { type SdmxStructures, urn } from './sdmx-structures.ts';

/** The namespace of our structure-specific data (time series: TIME_PERIOD at the observation). */
export const SS_NAMESPACE = `${urn('datastructure.DataStructure', DSD_ID)}:ObsLevelDim:TIME_PERIOD`;

const enumeration = (name: string, ids: readonly string[]) =>
  `<xs:simpleType name="${name}"><xs:restriction base="common:IDType">${ids
    .map((id) => `<xs:enumeration value="${id}"/>`)
    .join('')}</xs:restriction></xs:simpleType>`;

/**
 * The structure-specific schema of our DSD (SDMX-ML 2.1, time series), as SDMX REST serves it at
 * `schema/datastructure/…`: the data set, series and observation types restricted to our
 * dimensions and attributes, coded ones to their codelists — what a receiver validates our
 * structure-specific messages with. It imports the SDMX 2.1 schemas by their file names, to sit
 * beside them.
 */
export function structureSpecificSchema(s: SdmxStructures): string {
  const codes = (id: string) => s.codelists.find((c) => c.id === id)?.codes.map((c) => c.id) ?? [];
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="${SS_NAMESPACE}" targetNamespace="${SS_NAMESPACE}" xmlns:ss="${NS.ss}" xmlns:common="${NS.com}" elementFormDefault="qualified" attributeFormDefault="unqualified">
<xs:import namespace="${NS.ss}" schemaLocation="SDMXDataStructureSpecific.xsd"/>
<xs:import namespace="${NS.com}" schemaLocation="SDMXCommon.xsd"/>
<xs:import namespace="${NS.mes}" schemaLocation="SDMXMessage.xsd"/>
${enumeration('CL_INDICATORType', codes('CL_INDICATOR'))}
${enumeration('CL_AREAType', codes('CL_AREA'))}
${enumeration('CL_UNIT_MEASUREType', codes('CL_UNIT_MEASURE'))}
${enumeration(
  'CL_OBS_STATUSType',
  OBS_STATUS.map((x) => x.id),
)}
<xs:complexType name="DataSetType"><xs:complexContent><xs:restriction base="ss:DataSetType"><xs:sequence>
<xs:element ref="common:Annotations" minOccurs="0"/>
<xs:element name="DataProvider" type="common:DataProviderReferenceType" form="unqualified" minOccurs="0"/>
<xs:element name="Series" type="SeriesType" form="unqualified" minOccurs="0" maxOccurs="unbounded"/>
</xs:sequence></xs:restriction></xs:complexContent></xs:complexType>
<xs:complexType name="SeriesType"><xs:complexContent><xs:restriction base="ss:SeriesType"><xs:sequence>
<xs:element ref="common:Annotations" minOccurs="0"/>
<xs:element name="Obs" type="ObsType" form="unqualified" minOccurs="0" maxOccurs="unbounded"/>
</xs:sequence>
<xs:attribute name="TIME_PERIOD" use="prohibited"/>
<xs:attribute name="REPORTING_YEAR_START_DAY" use="prohibited"/>
<xs:attribute name="INDICATOR" type="CL_INDICATORType" use="required"/>
<xs:attribute name="REF_AREA" type="CL_AREAType" use="required"/>
<xs:attribute name="UNIT_MEASURE" type="CL_UNIT_MEASUREType"/>
<xs:attribute name="UNIT_MULT" type="xs:integer"/>
<xs:attribute name="DECIMALS" type="xs:integer"/>
</xs:restriction></xs:complexContent></xs:complexType>
<xs:complexType name="ObsType"><xs:complexContent><xs:restriction base="ss:ObsType"><xs:sequence>
<xs:element ref="common:Annotations" minOccurs="0"/>
</xs:sequence>
<xs:attribute name="type" use="prohibited"/>
<xs:attribute name="REPORTING_YEAR_START_DAY" use="prohibited"/>
<xs:attribute name="TIME_PERIOD" type="common:ObservationalTimePeriodType" use="required"/>
<xs:attribute name="OBS_VALUE" type="xs:double"/>
<xs:attribute name="OBS_STATUS" type="CL_OBS_STATUSType"/>
<xs:attribute name="COMMENT" type="xs:string"/>
</xs:restriction></xs:complexContent></xs:complexType>
</xs:schema>
`;
}
