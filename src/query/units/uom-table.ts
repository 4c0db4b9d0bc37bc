/**
 * Units of measure by UN/ECE Recommendation 20 common code, grouped by dimension, each with its conversion to the
 * dimension's base unit: base = value * factor + offset (EPCIS 2.0 §8.2.7.1 sensor parameters `…_value_<UOM>`
 * compare "after conversion"; EPCIS-DIGEST §b.2). Codes not listed here are still accepted: they are compared
 * only with values captured in the very same unit.
 */
export interface UnitDefinition {
  /** The base unit (Rec 20 code) of the dimension. */
  base: string;
  factor: number;
  offset: number;
}

type Table = Record<string, [factor: number, offset?: number]>;

const DIMENSIONS: Record<string, Table> = {
  // Thermodynamic temperature, base kelvin.
  KEL: { KEL: [1], CEL: [1, 273.15], FAH: [5 / 9, 273.15 - (32 * 5) / 9], A48: [5 / 9] },
  // Mass, base kilogram.
  KGM: {
    KGM: [1],
    GRM: [1e-3],
    MGM: [1e-6],
    MC: [1e-9],
    DTN: [100],
    TNE: [1000],
    LBR: [0.45359237],
    ONZ: [0.028349523125],
    STN: [907.18474],
    LTN: [1016.0469088],
  },
  // Length, base metre.
  MTR: {
    MTR: [1],
    DMT: [0.1],
    CMT: [0.01],
    MMT: [1e-3],
    '4H': [1e-6],
    C45: [1e-9],
    KMT: [1000],
    INH: [0.0254],
    FOT: [0.3048],
    YRD: [0.9144],
    SMI: [1609.344],
    NMI: [1852],
  },
  // Volume, base cubic metre.
  MTQ: {
    MTQ: [1],
    HLT: [0.1],
    LTR: [1e-3],
    DMQ: [1e-3],
    DLT: [1e-4],
    CLT: [1e-5],
    MLT: [1e-6],
    CMQ: [1e-6],
    MMQ: [1e-9],
    GLL: [0.003785411784],
    GLI: [0.00454609],
    QT: [0.000946352946],
    PTL: [0.000473176473],
    PTI: [0.00056826125],
    OZA: [2.95735295625e-5],
    OZI: [2.84130625e-5],
    INQ: [1.6387064e-5],
    FTQ: [0.028316846592],
  },
  // Pressure, base pascal.
  PAL: {
    PAL: [1],
    A97: [100],
    KPA: [1000],
    MPA: [1e6],
    MBR: [100],
    BAR: [1e5],
    ATM: [101325],
    PS: [6894.757293168],
    HN: [133.322387415],
  },
  // Dimensionless ratios (relative humidity in percent), base percent.
  P1: { P1: [1], C62: [100], '59': [1e-4], '61': [1e-7] },
  // Mass concentration (absolute humidity), base kilogram per cubic metre.
  KMQ: { KMQ: [1], A93: [1e-3], '23': [1000], GL: [1] },
  // Time, base second.
  SEC: {
    SEC: [1],
    C26: [1e-3],
    B98: [1e-6],
    C47: [1e-9],
    MIN: [60],
    HUR: [3600],
    DAY: [86400],
    WEE: [604800],
  },
  // Speed, base metre per second.
  MTS: { MTS: [1], KMH: [1 / 3.6], HM: [0.44704], KNT: [1852 / 3600] },
};

export const UNITS: Readonly<Record<string, UnitDefinition>> = Object.fromEntries(
  Object.entries(DIMENSIONS).flatMap(([base, table]) =>
    Object.entries(table).map(([code, [factor, offset]]) => [code, { base, factor, offset: offset ?? 0 }]),
  ),
);

/** UN/ECE Rec 20 code syntax (query-schema `[A-Z0-9]{2,4}`). */
export const UOM_CODE = /^[A-Z0-9]{2,4}$/;
