import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { NestFactory, ModulesContainer } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PERMISSIONS } from '@skinledger/domain';
import { AppModule } from '../src/app.module';
import { ACCESS_POLICY, type AccessPolicy } from '../src/common/access/access-policy.decorator';
import { loadConfig } from '../src/config/app-config';

/** Every registered route declares who may call it; a route without a declaration fails this test. */
describe('route permissions', () => {
  let routes: { route: string; policy: AccessPolicy | undefined }[];

  beforeAll(async () => {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ ...loadConfig({ LOG_LEVEL: 'silent' }), webDistDir: undefined }, 'postgres://unused@127.0.0.1:1/unused'),
      new FastifyAdapter(),
      { preview: true, logger: false },
    );
    routes = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (!controller) continue;
        const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name as keyof object] as unknown;
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const policy =
            (Reflect.getMetadata(ACCESS_POLICY, handler) as AccessPolicy | undefined) ??
            (Reflect.getMetadata(ACCESS_POLICY, controller) as AccessPolicy | undefined);
          routes.push({ route: `${method} /api/${[base, path].filter((p) => p && p !== '/').join('/')}`, policy });
        }
      }
    }
    await app.close();
  });

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((r) => r.route)).toContain('POST /api/staff');
  });

  it('has a declared access policy on every route', () => {
    expect(routes.filter((r) => !r.policy).map((r) => r.route)).toEqual([]);
  });

  it('names only permissions from the declared matrix', () => {
    const unknown = routes.filter((r) => r.policy?.kind === 'permission' && !PERMISSIONS.includes(r.policy.permission));
    expect(unknown).toEqual([]);
  });

  it('keeps public routes to the few that must be reachable signed out', () => {
    const open = routes.filter((r) => r.policy?.kind === 'public').map((r) => r.route).sort();
    // GET /api/calendar-feeds/:file: phone calendars fetch a practitioner's iCalendar feed without a session; the
    // secret 256-bit token in the URL is the credential (stored as SHA-256, revocable) and the feed shows only
    // initials and service names. The MFA step of sign-in is bound to the pending step's httpOnly cookie, not a session.
    // GET /api/public/booking/*: patients book online without an account (issue 16); the clinic's public slug names
    // the clinic, only while it has online booking on, and the answers hold what the booking page shows (rate-limited).
    // POST /api/public/booking/holds and …/confirm: a patient holds a time and proves her e-mail with the code sent
    // to it (rate-limited per IP and per e-mail; five wrong codes end a hold). No cookie is read, so no CSRF token.
    // /api/public/appointments/:token…: the manage link; its 256-bit key (stored as SHA-256, e-mailed to the patient)
    // is the credential, valid until the appointment ends; changes are rate-limited per link too.
    expect(open).toEqual([
      'GET /api/calendar-feeds/:file',
      'GET /api/health',
      'GET /api/health/ready',
      'GET /api/public/appointments/:token',
      'GET /api/public/appointments/:token/forms',
      'GET /api/public/booking/availability',
      'GET /api/public/booking/options',
      'GET /api/setup',
      'POST /api/auth/login',
      'POST /api/auth/login/mfa',
      'POST /api/public/appointments/:token/cancel',
      'POST /api/public/appointments/:token/confirm',
      'POST /api/public/appointments/:token/consents/:consentId/sign',
      'POST /api/public/appointments/:token/reschedule',
      'POST /api/public/booking/holds',
      'POST /api/public/booking/holds/:holdId/confirm',
      'POST /api/setup',
      'PUT /api/public/appointments/:token/medical-history',
    ]);
  });
});
