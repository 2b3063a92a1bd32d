/**
 * Links in emails go to a page a person can read: the public site's page of a published item
 * (PUBLIC_SITE_URL, a URL template) or, without one, the item's page in the admin panel; never
 * the raw JSON of the API.
 */
import { describe, expect, it } from "@jest/globals";
import { loadSettings, ConfigurationError } from "../src/settings";
import { createAccount, homeJurisdiction, signIn, startTestApp } from "./helpers/testApp";
import { publishThroughWorkflow, waitForMail } from "./helpers/workflow";

/** A leader's resource an editor publishes; the email the leader gets about it. */
async function publishedEmail(env: Record<string, string>) {
  // One app at a time per file: each scenario starts its own with its settings and stops it.
  const app = await startTestApp({
    WORKFLOW_NOTIFY_QUIET_MINUTES: "0",
    ...env,
  });
  try {
    const editor = await signIn(app, await createAccount(app, "editor"));
    const leaderAccount = await createAccount(app, "contributor");
    const leader = await signIn(app, leaderAccount);
    const created = await leader
      .post("/api/resources")
      .send({ jurisdictions: [await homeJurisdiction(app)],  title: "Courthouse arrests memo", category: "statement" });
    expect(created.status).toBe(201);
    const { id, slug } = created.body.doc as {
      id: string | number;
      slug: string;
    };
    await publishThroughWorkflow(editor, id);
    const mail = await waitForMail(
      app,
      (m) => m.to === leaderAccount.email && m.subject.startsWith("Published"),
    );
    return { url: app.url, id, slug, mail };
  } finally {
    await app.stop();
  }
}

describe("links in workflow emails", () => {
  it('without a public site (SITE=off), the "published" email links to the item in the admin panel, not to the API', async () => {
    const { url, id, mail } = await publishedEmail({ SITE: "off" });
    expect(mail.text).not.toContain("/api/");
    expect(mail.text).toContain(`${url}/admin/collections/resources/${id}`);
  });

  it("with the public site served (the default), it links to the item's page there", async () => {
    const { url, slug, mail } = await publishedEmail({});
    expect(mail.text).toContain(`Public page: ${url}/resources/${encodeURIComponent(slug)}`);
    expect(mail.text).not.toContain("/api/");
  });

  it("with PUBLIC_SITE_URL, it links to the public page named by the template", async () => {
    const { slug, mail } = await publishedEmail({
      PUBLIC_SITE_URL: "https://toolkit.example.org/resources/{slug}",
    });
    expect(slug).toBeTruthy();
    expect(mail.text).toContain(
      `Public page: https://toolkit.example.org/resources/${encodeURIComponent(slug)}`,
    );
    expect(mail.text).not.toContain("/api/");
  });
});

describe("PUBLIC_SITE_URL", () => {
  const load = (value: string) => () =>
    loadSettings(
      { PUBLIC_SITE_URL: value, PAYLOAD_SECRET: "x".repeat(40) },
      { strict: false },
    );
  it.each([
    "https://toolkit.example.org/resources",
    "ftp://toolkit.example.org/{slug}",
    "toolkit.example.org/{slug}",
    "javascript:alert(1)//{id}",
  ])(
    "is refused at start when it is not an http(s) template naming the item: %s",
    (value) => {
      expect(load(value)).toThrow(ConfigurationError);
      expect(load(value)).toThrow(/PUBLIC_SITE_URL/);
    },
  );
  it("accepts {slug} and {id} templates", () => {
    expect(load("https://toolkit.example.org/r/{id}")().publicSiteUrl).toBe(
      "https://toolkit.example.org/r/{id}",
    );
    expect(loadSettings({ SITE: "off" }, { strict: false }).publicSiteUrl).toBeUndefined();
    expect(loadSettings({ SERVER_URL: "https://t.example.org" }, { strict: false }).publicSiteUrl).toBe("https://t.example.org/resources/{slug}");
  });
});
