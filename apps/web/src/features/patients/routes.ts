// The patient list, profile and import pages, for the router.
// Each page's code, with the libraries only it uses, is loaded when its route is first visited (the router's lazy
// routes), never with the first page. Only the router imports this file; other features use the index.
export const patientPages = {
  patients: () => import('./pages/PatientsPage').then((m) => m.PatientsPage),
  patientProfile: () => import('./pages/PatientProfilePage').then((m) => m.PatientProfilePage),
  patientImport: () => import('./pages/PatientImportPage').then((m) => m.PatientImportPage),
  possibleDuplicates: () => import('./pages/PossibleDuplicatesPage').then((m) => m.PossibleDuplicatesPage),
};
