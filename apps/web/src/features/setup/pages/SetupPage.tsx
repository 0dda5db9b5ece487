import { useDocumentTitle } from '@mantine/hooks';
import { AuthLayout } from '@web/components/AuthLayout';
import { SetupForm } from '@web/features/setup/components/SetupForm';

/** First run. Once the clinic exists, SetupGate moves on to sign-in. */
export function SetupPage() {
  useDocumentTitle('Set up your clinic · SkinLedger');
  return (
    <AuthLayout
      title="Set up your clinic"
      width={560}
      description="Welcome to SkinLedger. Create your practice and the owner account; you can add locations and staff afterwards."
    >
      <SetupForm />
    </AuthLayout>
  );
}
