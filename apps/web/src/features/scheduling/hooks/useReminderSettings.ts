import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api/apiClient';
import { request } from '@web/lib/api/request';
import { scheduleKeys } from './scheduleKeys';

const key = scheduleKeys.reminderSettings;

/** GET /api/settings/reminders: the lead time of appointment reminders and whether e-mail goes out. */
export function useReminderSettings() {
  return useQuery({ queryKey: key, queryFn: () => request(api.GET('/api/settings/reminders')) });
}

/** PUT /api/settings/reminders: a new lead time, for reminders scheduled from now on. */
export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hoursBefore: number) => request(api.PUT('/api/settings/reminders', { body: { hoursBefore } })),
    onSuccess: (settings) => queryClient.setQueryData(key, settings),
  });
}
