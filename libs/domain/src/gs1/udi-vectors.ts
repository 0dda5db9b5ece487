/**
 * Label vectors shared by the domain's table-driven test and the API's cross-check against an independent GS1
 * parser. GS1 vectors come from the GS1 General Specifications' examples and GS1 tools' documentation (GTINs such as
 * 09506000134352, 12345678901231, 09521234543213, SSCC 106141412345678908, GLN 0614141000012), real device labels
 * (a Data Matrix UDI with 11/17/10/21/240) and the defects a tester found; HIBC vectors from the HIBCC
 * modulo-43 example `+A123BJC5D6E71G` and the secondary data formats of ANSI/HIBC 2.6.
 * `GS` stands for the ASCII 29 group separator.
 */
const GS = '\u001d';

export interface UdiVector {
  name: string;
  input: string;
  /** Fields the parse must give (a subset), or the `ai:code` list of its errors (`-` when no AI applies). */
  expect: { fields: Record<string, unknown>; elementString?: string } | { errors: string[] };
}

export const GS1_REFERENCE_DATE = '2026-03-01';

/** GS1 element strings. */
export const GS1_VECTORS: readonly UdiVector[] = [
  // The tester's defects: AIs other than 01/10/11/17/21.
  {
    name: 'tester: 240 between 01 and 17, GS after it',
    input: `0100850031370012240PEN-14N${GS}1727033110LOTNEW1`,
    expect: {
      fields: { gtin: '00850031370012', additionalProductId: 'PEN-14N', expiryDate: '2027-03-31', lot: 'LOTNEW1' },
      elementString: '(01)00850031370012(240)PEN-14N(17)270331(10)LOTNEW1',
    },
  },
  {
    name: 'tester: the same label in bracketed form',
    input: '(01)00850031370012(240)PEN-14N(17)270331(10)LOTNEW1',
    expect: { fields: { gtin: '00850031370012', additionalProductId: 'PEN-14N', expiryDate: '2027-03-31', lot: 'LOTNEW1' } },
  },
  {
    name: 'tester: 7003 expiry date and time, GS after it (not a predefined-length AI)',
    input: `]d201008500313700127003270331103${'0'}${GS}10LOTNEW1`,
    expect: { fields: { gtin: '00850031370012', expiryDateTime: '2027-03-31T10:30', lot: 'LOTNEW1' }, elementString: '(01)00850031370012(7003)2703311030(10)LOTNEW1' },
  },
  {
    name: 'tester: 7003 in bracketed form',
    input: '(01)00850031370012(7003)2703311030(17)270331(10)LOTNEW1',
    expect: { fields: { expiryDateTime: '2027-03-31T10:30', expiryDate: '2027-03-31' } },
  },
  {
    name: 'count (30), variable, ended by GS',
    input: `010085003137001230120${GS}1727033110LOT7`,
    expect: { fields: { count: 120, expiryDate: '2027-03-31', lot: 'LOT7' } },
  },
  {
    name: 'count (30) last, in bracketed form',
    input: '(01)00850031370012(10)LOT7(30)5',
    expect: { fields: { count: 5, lot: 'LOT7' } },
  },
  {
    name: 'consumer product variant (22) and payment slip reference (8020) kept',
    input: `]d201008500313700121727033110LOT1${GS}22CPV-9${GS}8020PAY123`,
    expect: { fields: { lot: 'LOT1' }, elementString: '(01)00850031370012(17)270331(10)LOT1(22)CPV-9(8020)PAY123' },
  },
  { name: 'NHRN Germany PZN (710)', input: `0100850031370012710PZN1234567${GS}10L1`, expect: { fields: { lot: 'L1' }, elementString: '(01)00850031370012(710)PZN1234567(10)L1' } },
  { name: 'NHRN France CIP (711)', input: '(01)00850031370012(711)3400930000000(10)L1', expect: { fields: { lot: 'L1' } } },
  { name: 'NHRN Spain CN (712)', input: `]d20100850031370012712NHRN-CN-42${GS}10L1`, expect: { fields: { lot: 'L1' } } },
  { name: 'NHRN Brazil DRN (713)', input: '(01)00850031370012(713)1234567890123(17)270331', expect: { fields: { expiryDate: '2027-03-31' } } },
  { name: 'NHRN Portugal AIM (714)', input: `]d20100850031370012714AIM5501234${GS}17270331`, expect: { fields: { expiryDate: '2027-03-31' } } },
  { name: 'NHRN United States NDC (715)', input: '(01)00850031370012(715)0777-3105-02(10)L1', expect: { fields: { lot: 'L1' } } },
  // A real Data Matrix UDI (production, expiry, lot, serial, additional id).
  {
    name: 'Data Matrix UDI with 11, 17, 10, 21, 240',
    input: `]d20108806388269617112302141728021310230214A3263-01${GS}21059${GS}240ARO4808C`,
    expect: {
      fields: { gtin: '08806388269617', productionDate: '2023-02-14', expiryDate: '2028-02-13', lot: '230214A3263-01', serial: '059', additionalProductId: 'ARO4808C' },
    },
  },
  { name: 'GS1 example (01)(10)(11)', input: '(01)12345678901231(10)ABC123(11)210630', expect: { fields: { gtin: '12345678901231', lot: 'ABC123', productionDate: '2021-06-30' } } },
  { name: 'GS1-128 ]C1', input: `]C10109506000134352172012251${'0'}ABC123`, expect: { fields: { gtin: '09506000134352', expiryDate: '2020-12-25', lot: 'ABC123' } } },
  { name: 'QR Code ]Q3', input: `]Q3010950600013435210ABC123${GS}21XYZ`, expect: { fields: { lot: 'ABC123', serial: 'XYZ' } } },
  { name: 'GS1 DataBar ]e0 with a weight (3103)', input: ']e001095212345432133103000123', expect: { fields: { gtin: '09521234543213' }, elementString: '(01)09521234543213(3103)000123' } },
  { name: 'predefined-length 3103 needs no GS before the next AI', input: `0109521234543213310300012310ABC${GS}21S1`, expect: { fields: { lot: 'ABC', serial: 'S1' } } },
  { name: 'domain.md example', input: '(01)00812345678901(17)270300(10)LOT42A', expect: { fields: { gtin: '00812345678901', expiryDate: '2027-03-31', lot: 'LOT42A' } } },
  { name: 'leading FNC1 sent as GS, scanner line ending', input: `]d2${GS}0100812345678901${GS}10X\r\n`, expect: { fields: { lot: 'X' } } },
  { name: 'AIs in any order', input: `10L1${GS}21S1${GS}172703000100812345678901`, expect: { fields: { gtin: '00812345678901', lot: 'L1', serial: 'S1', expiryDate: '2027-03-31' } } },
  { name: 'the same AI twice with the same data', input: '(01)00812345678901(10)L1(10)L1', expect: { fields: { lot: 'L1' }, elementString: '(01)00812345678901(10)L1' } },
  { name: 'best before (15) with day 00 kept', input: '(01)00812345678901(15)270400(10)L1', expect: { fields: { lot: 'L1' }, elementString: '(01)00812345678901(15)270400(10)L1' } },
  { name: 'third-party GTIN extension (235)', input: '(01)00812345678901(235)TPX-0001(10)L1', expect: { fields: { lot: 'L1' } } },
  { name: 'protocol id (7240)', input: '(01)00812345678901(7240)PROTOCOL-7(10)L1', expect: { fields: { lot: 'L1' } } },
  { name: 'internal data (90) and (99)', input: `0100812345678901${'90'}INTERNAL${GS}99${'x'.repeat(90)}`, expect: { fields: { gtin: '00812345678901' } } },
  { name: 'harvest date range (7007), optional second date', input: '(01)00812345678901(7007)260101260115', expect: { fields: { gtin: '00812345678901' } } },
  { name: 'production date and time (8008) without seconds', input: '(01)00812345678901(8008)2601311245', expect: { fields: { gtin: '00812345678901' } } },
  { name: 'GLN (414) with its check digit', input: '(01)00812345678901(414)0614141000012', expect: { fields: { gtin: '00812345678901' } } },
  { name: 'maximum temperature (4330) with a minus sign', input: '(01)00812345678901(4330)001250-', expect: { fields: { gtin: '00812345678901' } } },
  { name: 'IBAN (8007)', input: '(01)00812345678901(8007)GB82WEST12345698765432', expect: { fields: { gtin: '00812345678901' } } },
  { name: 'digital signature (8030), base64url', input: '(01)00812345678901(21)S1(8030)MEUCIQDx-_abc=', expect: { fields: { serial: 'S1' } } },
  { name: 'a "(" in bracketed data written \\(', input: '(01)00812345678901(10)A\\(1', expect: { fields: { lot: 'A(1' }, elementString: '(01)00812345678901(10)A\\(1' } },
  { name: 'production date (11) with day 00 gives the first day', input: '(01)00812345678901(11)250100', expect: { fields: { productionDate: '2025-01-01' } } },
  { name: 'expiry (17) with day 00 gives the month end', input: '(01)00812345678901(17)270200', expect: { fields: { expiryDate: '2027-02-28' } } },
  { name: 'expiry (17) with day 00 in a leap February', input: '(01)00812345678901(17)280200', expect: { fields: { expiryDate: '2028-02-29' } } },
  { name: 'expiry (17) on 29 February of a leap year', input: '0100812345678901172802291' + '0L', expect: { fields: { expiryDate: '2028-02-29', lot: 'L' } } },

  // Refused, with the AI named.
  { name: ']d1: a Data Matrix without GS1 data', input: ']d10100850031370012240PEN-14N', expect: { errors: ['-:not-gs1'] } },
  { name: ']C0: a Code 128 that is not GS1-128', input: ']C00100850031370012', expect: { errors: ['-:not-gs1'] } },
  { name: ']Q1: a plain QR Code', input: ']Q10100850031370012', expect: { errors: ['-:not-gs1'] } },
  { name: 'GTIN check digit (domain.md GTIN 00812345678905)', input: '0100812345678905', expect: { errors: ['01:bad-check-digit'] } },
  { name: 'SSCC (00) check digit', input: '(00)106141412345678909(01)00812345678901', expect: { errors: ['00:bad-check-digit'] } },
  { name: 'SSCC alone has no GTIN', input: '00106141412345678908', expect: { errors: ['01:missing-gtin'] } },
  { name: 'GTIN of contained items (02) check digit', input: '(01)00812345678901(02)10614141123458', expect: { errors: ['02:bad-check-digit'] } },
  { name: 'GLN (414) check digit', input: '(01)00812345678901(414)0614141000013', expect: { errors: ['414:bad-check-digit'] } },
  { name: 'expiry (17) month 13', input: '(01)00812345678901(17)271301', expect: { errors: ['17:invalid-date'] } },
  { name: 'expiry (17) day 32', input: '(01)00812345678901(17)270132', expect: { errors: ['17:invalid-date'] } },
  { name: 'expiry (17) 30 February', input: '0100812345678901' + '17270230', expect: { errors: ['17:invalid-date'] } },
  { name: 'expiry (17) 29 February of a common year', input: '(01)00812345678901(17)270229', expect: { errors: ['17:invalid-date'] } },
  { name: 'production date (11) month 00', input: '(01)00812345678901(11)250015', expect: { errors: ['11:invalid-date'] } },
  { name: '7003 has no day 00', input: '(01)00812345678901(7003)2703001030', expect: { errors: ['7003:invalid-date'] } },
  { name: '7003 hour 24', input: '(01)00812345678901(7003)2703312400', expect: { errors: ['7003:invalid-time'] } },
  { name: '7003 minute 60', input: '(01)00812345678901(7003)2703311060', expect: { errors: ['7003:invalid-time'] } },
  { name: '7003 cut short', input: '0100812345678901700327033110', expect: { errors: ['7003:truncated'] } },
  { name: '7003 without the GS it needs', input: '0100812345678901700327033110301' + '0LOT', expect: { errors: ['7003:too-long'] } },
  { name: '240 longer than 30', input: `(01)00812345678901(240)${'A'.repeat(31)}`, expect: { errors: ['240:too-long'] } },
  { name: '240 with a character outside set 82', input: '(01)00812345678901(240)PEN#14', expect: { errors: ['240:invalid-characters'] } },
  { name: 'count (30) with letters', input: '(01)00812345678901(30)1O', expect: { errors: ['30:invalid-characters'] } },
  { name: 'count (30) longer than 8 digits', input: '(01)00812345678901(30)123456789', expect: { errors: ['30:too-long'] } },
  { name: 'lot (10) longer than 20', input: `0100812345678901${'10'}${'A'.repeat(21)}`, expect: { errors: ['10:too-long'] } },
  { name: 'payment slip reference (8020) longer than 25', input: `(01)00812345678901(8020)${'7'.repeat(26)}`, expect: { errors: ['8020:too-long'] } },
  { name: 'an AI not in the GS1 table (23)', input: '0100812345678901231234', expect: { errors: ['23:unknown-ai'] } },
  { name: 'an AI not in the GS1 table, bracketed (04)', input: '(01)00812345678901(04)123', expect: { errors: ['04:unknown-ai'] } },
  { name: 'the same AI twice with different data', input: '(01)00812345678901(10)L1(10)L2', expect: { errors: ['10:duplicate-ai'] } },
  { name: 'GTIN cut short', input: '010081234567', expect: { errors: ['01:truncated'] } },
  { name: 'input ends inside an AI', input: '01008123456789011', expect: { errors: ['-:truncated'] } },
  { name: 'piece of total (8006) past the total', input: '(01)00812345678901(8006)950123456789030302', expect: { errors: ['8006:invalid-value'] } },
  { name: 'yes/no flag (4321) other than 0 or 1', input: '(01)00812345678901(4321)2', expect: { errors: ['4321:invalid-value'] } },
  { name: 'production time (8008) minute 99', input: '(01)00812345678901(8008)2601311299', expect: { errors: ['8008:invalid-time'] } },
  { name: 'harvest dates (7007) with half a second date', input: '(01)00812345678901(7007)2601012601', expect: { errors: ['7007:truncated'] } },
  { name: 'percent-encoded name (4300) with a broken escape', input: '(01)00812345678901(4300)ACME%2', expect: { errors: ['4300:invalid-value'] } },
  { name: 'IBAN (8007) check digits', input: '(01)00812345678901(8007)GB82WEST12345698765433', expect: { errors: ['8007:invalid-value'] } },
  { name: 'CPID (8010) is set 39: no lower case', input: '(01)00812345678901(8010)abc', expect: { errors: ['8010:invalid-characters'] } },
  { name: 'date of birth (7250) 30 February', input: '(01)00812345678901(7250)20260230', expect: { errors: ['7250:invalid-date'] } },
  { name: 'maximum temperature (4330) with a plus sign', input: '(01)00812345678901(4330)001250+', expect: { errors: ['4330:invalid-value'] } },
];

/** HIBC supplier labels. */
export const HIBC_VECTORS: readonly UdiVector[] = [
  { name: 'HIBCC check-character example, primary only', input: '+A123BJC5D6E71G', expect: { fields: { labelerCode: 'A123', productNumber: 'BJC5D6E7', unitOfMeasure: 1, deviceId: 'A123BJC5D6E71' } } },
  { name: 'primary with a wrong check character', input: '+A123BJC5D6E71H', expect: { errors: ['-:bad-check-character'] } },
  { name: 'primary and secondary structures, $$5 Julian expiry', input: '+A123BJC5D6E71G+$$52001510X3GD', expect: { fields: { deviceId: 'A123BJC5D6E71', expiryDate: '2020-01-15', lot: '10X3' } } },
  { name: 'older secondary format YYJJJ + lot', input: '+A123BJC5D6E71G+2001510X3GG', expect: { fields: { expiryDate: '2020-01-15', lot: '10X3' } } },
  { name: 'Aztec symbology identifier', input: ']zB+A123BJC5D6E71G+2001510X3GG', expect: { fields: { productNumber: 'BJC5D6E7', lot: '10X3' } } },
  { name: 'lot without expiry ($$7)', input: '+A123BJC5D6E71G+$$710X3G7', expect: { fields: { lot: '10X3' } } },
  { name: 'expiry and serial ($$+)', input: '+A123BJC5D6E71G+$$+52001510X3GB', expect: { fields: { expiryDate: '2020-01-15', serial: '10X3' } } },
  { name: 'three structures: primary, lot, serial', input: '+J123AQ3451T+25330BC34567T2+S4012TJ', expect: { fields: { labelerCode: 'J123', productNumber: 'AQ345', expiryDate: '2025-11-26', lot: 'BC34567', serial: '4012' } } },
  { name: 'one 2D structure with / separators', input: '+J123AQ3451/25330BC34567/S4012X', expect: { fields: { deviceId: 'J123AQ3451', expiryDate: '2025-11-26', lot: 'BC34567', serial: '4012' } } },
  {
    name: 'Data Matrix ]d1 with YYMMDDHH expiry, serial and production date',
    input: ']d1+A123ABCDEFGHI1234567891/$$420020216LOT123456789012345/SXYZ456789012345678/16D20130202$',
    expect: { fields: { productNumber: 'ABCDEFGHI123456789', expiryDate: '2020-02-02', lot: 'LOT123456789012345', serial: 'XYZ456789012345678', productionDate: '2013-02-02' } },
  },
  { name: 'MMYY expiry gives the month end', input: '+J123AQ3451/$$1125BC34567/S4012L', expect: { fields: { expiryDate: '2025-11-30', lot: 'BC34567', serial: '4012' } } },
  { name: 'MMYY expiry in January', input: '+J123AQ3451/$$0125BC34567/S4012K', expect: { fields: { expiryDate: '2025-01-31' } } },
  { name: 'Julian expiry, production date and serial', input: '+A99912345/$$52025010X3/16D20111212/S77DEFG458', expect: { fields: { unitOfMeasure: 5, expiryDate: '2020-09-06', lot: '10X3', productionDate: '2011-12-12', serial: '77DEFG45' } } },
  { name: 'the secondary label alone', input: '+$$52001510X3GD', expect: { errors: ['-:missing-product'] } },
  { name: 'a provider (PAS) label', input: '+/EU5C12345672', expect: { errors: ['-:malformed'] } },
];
