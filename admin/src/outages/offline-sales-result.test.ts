import {
  conflictRowsOf,
  csvField,
  errorRowsOf,
  importVerdict,
  problemRowsCsv,
  problemsFileName,
  uploadPercent,
  type OfflineSalesResult,
} from './offline-sales-result';

const result = (over: Partial<OfflineSalesResult>): OfflineSalesResult => ({
  created: 0,
  unchanged: 0,
  conflicts: 0,
  errors: 0,
  rows: [],
  ...over,
});

describe('offline-sales import result', () => {
  test('the same file again changes nothing; problems and nothing new are told apart', () => {
    expect(importVerdict(result({ unchanged: 500 }))).toBe('NOTHING_CHANGED');
    // The same file with a bad row: the row is reported again, the journal does not change.
    expect(importVerdict(result({ unchanged: 2, errors: 1 }))).toBe('NOTHING_CHANGED');
    expect(importVerdict(result({ created: 3 }))).toBe('IMPORTED');
    expect(importVerdict(result({ created: 3, errors: 1 }))).toBe('IMPORTED_WITH_PROBLEMS');
    expect(importVerdict(result({ unchanged: 2, conflicts: 1 }))).toBe('NOTHING_IMPORTED');
    expect(importVerdict(result({ errors: 4 }))).toBe('NOTHING_IMPORTED');
  });

  test('errors and conflicts are listed apart', () => {
    const rows: OfflineSalesResult['rows'] = [
      { row: 2, receiptNumber: 'R1', outcome: 'CREATED' },
      { row: 3, receiptNumber: 'R2', outcome: 'ERROR', error: 'unknown SKU NOPE' },
      { row: 5, receiptNumber: 'R3', outcome: 'CONFLICT' },
    ];
    expect(errorRowsOf(result({ rows })).map((row) => row.receiptNumber)).toEqual(['R2']);
    expect(conflictRowsOf(result({ rows })).map((row) => row.receiptNumber)).toEqual(['R3']);
  });

  test('the problems download is RFC 4180 CSV with file lines, and never a spreadsheet formula', () => {
    const csv = problemRowsCsv(
      result({
        rows: [
          { row: 2, receiptNumber: 'R1', outcome: 'CREATED' },
          { row: 3, receiptNumber: 'R,2', outcome: 'ERROR', error: 'lines.0.quantity: "x" is not a number' },
          { row: 7, receiptNumber: '=HYPERLINK("x")', outcome: 'CONFLICT' },
          { row: -1, receiptNumber: null, outcome: 'ERROR', error: 'the file could not be read on: Invalid Closing Quote' },
        ],
      }),
      'already imported with other content',
    );
    expect(csv.split('\r\n')).toEqual([
      'line,receipt_number,outcome,problem',
      '3,"R,2",ERROR,"lines.0.quantity: ""x"" is not a number"',
      `7,"'=HYPERLINK(""x"")",CONFLICT,already imported with other content`,
      ',,ERROR,the file could not be read on: Invalid Closing Quote',
      '',
    ]);
  });

  test('negative numbers stay numbers; text fields keep their content', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-note')).toBe("'-note");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
  });

  test('file names and progress', () => {
    expect(problemsFileName('sales-ams.CSV')).toBe('sales-ams-problems.csv');
    expect(problemsFileName('.csv')).toBe('offline-sales-problems.csv');
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(512, 1024)).toBe(50);
    expect(uploadPercent(2000, 1024)).toBe(100);
  });
});
