import { CreateFoundation1764079200000 } from './1764079200000-CreateFoundation';
import { CreatePatients1795616600000 } from './1795616600000-CreatePatients';
import { CreateInventory1795700000000 } from './1795700000000-CreateInventory';
import { IndexPatientTags1795800000000 } from './1795800000000-IndexPatientTags';
import { CreateConsents1795900000000 } from './1795900000000-CreateConsents';
import { CreateScheduling1796000000000 } from './1796000000000-CreateScheduling';
import { CreateJobQueue1796000000001 } from './1796000000001-CreateJobQueue';
import { CreateTreatmentSessions1796100000000 } from './1796100000000-CreateTreatmentSessions';
import { EnableRowLevelSecurity1796224018776 } from './1796224018776-EnableRowLevelSecurity';
import { CreateIdempotencyKeys1796224255005 } from './1796224255005-CreateIdempotencyKeys';
import { ChainAuditEvents1796228129556 } from './1796228129556-ChainAuditEvents';
import { AddMfaAndSeparateThrottles1796228650801 } from './1796228650801-AddMfaAndSeparateThrottles';
import { PublishDirectoryViews1796566315498 } from './1796566315498-PublishDirectoryViews';
import { PublishAppointmentTreatmentContext1796567000000 } from './1796567000000-PublishAppointmentTreatmentContext';
import { PublishMedicalSessionHistory1796567000001 } from './1796567000001-PublishMedicalSessionHistory';
import { PublishInventoryForTreatments1796567000002 } from './1796567000002-PublishInventoryForTreatments';
import { CreateSessionExposureView1796567000003 } from './1796567000003-CreateSessionExposureView';
import { PublishPatientRecordViews1796567100000 } from './1796567100000-PublishPatientRecordViews';
import { PublishReminderViews1796567100001 } from './1796567100001-PublishReminderViews';
import { RecordCancellationDetails1796568000000 } from './1796568000000-RecordCancellationDetails';
import { CreateWaitlist1796568000001 } from './1796568000001-CreateWaitlist';
import { AddLifecycleNotices1796568000002 } from './1796568000002-AddLifecycleNotices';
import { NameConsentPractitioner1796568100000 } from './1796568100000-NameConsentPractitioner';
import { AddCoursePreferences1796568200000 } from './1796568200000-AddCoursePreferences';
import { AddIndicationsAndTreatmentTemplates1796568300000 } from './1796568300000-AddIndicationsAndTreatmentTemplates';
import { AddClinicLocaleAndLocationCountry1796568400000 } from './1796568400000-AddClinicLocaleAndLocationCountry';
import { PublishRecordLabels1796568400001 } from './1796568400001-PublishRecordLabels';
import { NormalizePhonesToE1641796568400002 } from './1796568400002-NormalizePhonesToE164';
import { StoreLotLabelData1796569100000 } from './1796569100000-StoreLotLabelData';
import { TrackAppointmentCalendarChanges1796569300000 } from './1796569300000-TrackAppointmentCalendarChanges';
import { AddBookingNoticeAndEmailHtml1796569300001 } from './1796569300001-AddBookingNoticeAndEmailHtml';
import { ResolveMfaEnrolmentWithSession1796569500000 } from './1796569500000-ResolveMfaEnrolmentWithSession';
import { SearchPatientsAPageAtATime1796569620000 } from './1796569620000-SearchPatientsAPageAtATime';
import { ResolveClinicTimeZoneWithSession1796569610000 } from './1796569610000-ResolveClinicTimeZoneWithSession';
import { IndexKeysetLists1796569630000 } from './1796569630000-IndexKeysetLists';
import { IndexLotListAndExposure1796569640000 } from './1796569640000-IndexLotListAndExposure';
import { IndexAppointmentOccupiedTimeByLocation1796569650000 } from './1796569650000-IndexAppointmentOccupiedTimeByLocation';
import { PublishTreatmentSessionSeals1796569670000 } from './1796569670000-PublishTreatmentSessionSeals';
import { PublishUsableLotStock1796569670001 } from './1796569670001-PublishUsableLotStock';
import { PublishTreatmentSettings1796569670002 } from './1796569670002-PublishTreatmentSettings';
import { PublishScreeningSettings1796569680000 } from './1796569680000-PublishScreeningSettings';
import { PublishTimelineViews1796569680001 } from './1796569680001-PublishTimelineViews';
import { PublishPatientAuditTrail1796569680002 } from './1796569680002-PublishPatientAuditTrail';
import { FindCloseNamesThroughTheTrigramIndex1796569690000 } from './1796569690000-FindCloseNamesThroughTheTrigramIndex';
import { SplitAuditChainIntoLanes1796569700000 } from './1796569700000-SplitAuditChainIntoLanes';
import { PublishPatientScreeningFacts1796569710000 } from './1796569710000-PublishPatientScreeningFacts';
import { FindCloseNamesAmongDistinctNames1796569720000 } from './1796569720000-FindCloseNamesAmongDistinctNames';
import { AddPublicBookingSlug1796569730000 } from './1796569730000-AddPublicBookingSlug';
import { AddOnlineBookingToServices1796569730001 } from './1796569730001-AddOnlineBookingToServices';
import { AddOnlineBookingHolds1796569740000 } from './1796569740000-AddOnlineBookingHolds';
import { AddOnlineBookingManageLinkResolver1796569750000 } from './1796569750000-AddOnlineBookingManageLinkResolver';
import { AddLocationCoordinates1796569760000 } from './1796569760000-AddLocationCoordinates';
import { AddPreVisitForms1796569770000 } from './1796569770000-AddPreVisitForms';
import { PublishVisitConsentForms1796569770001 } from './1796569770001-PublishVisitConsentForms';
import { VerifyIdentityAndRecordPossibleDuplicates1796569780000 } from './1796569780000-VerifyIdentityAndRecordPossibleDuplicates';
import { PublishOutcomeReportFacts1796569800000 } from './1796569800000-PublishOutcomeReportFacts';
import { PublishCartridgeLedgerFacts1796569800001 } from './1796569800001-PublishCartridgeLedgerFacts';
import { PublishAppointmentReportFacts1796569800002 } from './1796569800002-PublishAppointmentReportFacts';
import { RecordPreflightRefusals1796569800003 } from './1796569800003-RecordPreflightRefusals';
import { PublishConsentSigningFacts1796569800004 } from './1796569800004-PublishConsentSigningFacts';
import { KeepAppointmentDayCounts1796569820000 } from './1796569820000-KeepAppointmentDayCounts';
import { KeepCourseOutcomeSummaries1796569820001 } from './1796569820001-KeepCourseOutcomeSummaries';
import { KeepCartridgeLedgerDays1796569820002 } from './1796569820002-KeepCartridgeLedgerDays';
import { PublishAuditEntityChain1796569660000 } from './1796569660000-PublishAuditEntityChain';
import { PublishSignedConsentValidity1796569660001 } from './1796569660001-PublishSignedConsentValidity';

/** Every migration, in order. Listed explicitly so the compiled app and the tests load the same set. */
export const MIGRATIONS = [
  CreateFoundation1764079200000,
  CreatePatients1795616600000,
  CreateInventory1795700000000,
  IndexPatientTags1795800000000,
  CreateConsents1795900000000,
  CreateScheduling1796000000000,
  CreateJobQueue1796000000001,
  CreateTreatmentSessions1796100000000,
  EnableRowLevelSecurity1796224018776,
  CreateIdempotencyKeys1796224255005,
  ChainAuditEvents1796228129556,
  AddMfaAndSeparateThrottles1796228650801,
  PublishDirectoryViews1796566315498,
  PublishAppointmentTreatmentContext1796567000000,
  PublishMedicalSessionHistory1796567000001,
  PublishInventoryForTreatments1796567000002,
  CreateSessionExposureView1796567000003,
  PublishPatientRecordViews1796567100000,
  PublishReminderViews1796567100001,
  RecordCancellationDetails1796568000000,
  CreateWaitlist1796568000001,
  AddLifecycleNotices1796568000002,
  NameConsentPractitioner1796568100000,
  AddCoursePreferences1796568200000,
  AddIndicationsAndTreatmentTemplates1796568300000,
  AddClinicLocaleAndLocationCountry1796568400000,
  PublishRecordLabels1796568400001,
  NormalizePhonesToE1641796568400002,
  StoreLotLabelData1796569100000,
  TrackAppointmentCalendarChanges1796569300000,
  AddBookingNoticeAndEmailHtml1796569300001,
  ResolveMfaEnrolmentWithSession1796569500000,
  ResolveClinicTimeZoneWithSession1796569610000,
  SearchPatientsAPageAtATime1796569620000,
  IndexKeysetLists1796569630000,
  IndexLotListAndExposure1796569640000,
  IndexAppointmentOccupiedTimeByLocation1796569650000,
  PublishAuditEntityChain1796569660000,
  PublishSignedConsentValidity1796569660001,
  PublishTreatmentSessionSeals1796569670000,
  PublishUsableLotStock1796569670001,
  PublishTreatmentSettings1796569670002,
  PublishScreeningSettings1796569680000,
  PublishTimelineViews1796569680001,
  PublishPatientAuditTrail1796569680002,
  FindCloseNamesThroughTheTrigramIndex1796569690000,
  SplitAuditChainIntoLanes1796569700000,
  PublishPatientScreeningFacts1796569710000,
  FindCloseNamesAmongDistinctNames1796569720000,
  AddPublicBookingSlug1796569730000,
  AddOnlineBookingToServices1796569730001,
  AddOnlineBookingHolds1796569740000,
  AddOnlineBookingManageLinkResolver1796569750000,
  AddLocationCoordinates1796569760000,
  AddPreVisitForms1796569770000,
  PublishVisitConsentForms1796569770001,
  VerifyIdentityAndRecordPossibleDuplicates1796569780000,
  PublishOutcomeReportFacts1796569800000,
  PublishCartridgeLedgerFacts1796569800001,
  PublishAppointmentReportFacts1796569800002,
  RecordPreflightRefusals1796569800003,
  PublishConsentSigningFacts1796569800004,
  KeepAppointmentDayCounts1796569820000,
  KeepCourseOutcomeSummaries1796569820001,
  KeepCartridgeLedgerDays1796569820002,
];
