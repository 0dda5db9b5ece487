export * from './spreadsheet-csv';
