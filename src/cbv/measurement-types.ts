/**
 * The 72 GS1 measurement types of EPCIS 2.0 sensor reports (`sensorReport.type`; GS1 Web Vocabulary terms under
 * `https://gs1.org/voc/`, EPCIS-DIGEST §f rule 6) and the sensor alert types (`sensorReport.exception`).
 */
export const MEASUREMENT_TYPES = [
  'AbsoluteHumidity', 'AbsorbedDose', 'AbsorbedDoseRate', 'Acceleration', 'Altitude', 'AmountOfSubstance',
  'AmountOfSubstancePerUnitVolume', 'Angle', 'AngularAcceleration', 'AngularMomentum', 'AngularVelocity', 'Area',
  'Capacitance', 'Conductance', 'Conductivity', 'Count', 'Density', 'Dimensionless', 'DoseEquivalent',
  'DoseEquivalentRate', 'DynamicViscosity', 'ElectricCharge', 'ElectricCurrent', 'ElectricCurrentDensity',
  'ElectricFieldStrength', 'Energy', 'Exposure', 'Force', 'Frequency', 'Illuminance', 'Inductance', 'Irradiance',
  'KinematicViscosity', 'Length', 'LinearMomentum', 'Luminance', 'LuminousFlux', 'LuminousIntensity', 'MagneticFlux',
  'MagneticFluxDensity', 'MagneticVectorPotential', 'Mass', 'MassConcentration', 'MassFlowRate', 'MassPerAreaTime',
  'MemoryCapacity', 'MolalityOfSolute', 'MolarEnergy', 'MolarMass', 'MolarVolume', 'Power', 'Pressure', 'RadiantFlux',
  'RadiantIntensity', 'Radioactivity', 'RelativeHumidity', 'Resistance', 'Resistivity', 'SolidAngle', 'SpecificVolume',
  'Speed', 'SurfaceDensity', 'SurfaceTension', 'Temperature', 'Time', 'Torque', 'Voltage', 'Volume', 'VolumeFlowRate',
  'VolumeFraction', 'VolumetricFlux', 'Wavenumber',
] as const; // prettier-ignore
