// The computation core of the satisfaction survey (SKM) / Indeks Kepuasan Masyarakat, PermenPANRB 14/2017.
// Pure functions: no database, no I/O.
export {
  aggregateResponses,
  computeIkm,
  computeIkmFromAggregates,
  type ElementAggregate,
  type Figure,
  type IkmAggregates,
  type IkmAnswers,
  type IkmElementResult,
  type IkmInput,
  type IkmOptions,
  type IkmResult,
  type IntegerLike,
  PRINTED_DECIMALS,
  type WeightConvention,
  WEIGHTS,
} from './compute-ikm';
export * from './elements';
export { IkmInputError, type IkmInputErrorCode } from './ikm-error';
export { CONVERSION_FACTOR, classifyConverted, MUTU_INTERVALS, type MutuGrade, type MutuInterval } from './mutu';
export {
  type CsvErrorCode,
  type CsvRowError,
  type ParsedResponse,
  type ParsedResponsesCsv,
  PROFILE_COLUMNS,
  type ProfileColumn,
  parseResponsesCsv,
} from './parse-responses-csv';
export { KREJCIE_MORGAN, minimumSample, minimumSampleExact } from './sample-size';
