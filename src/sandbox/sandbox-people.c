/* sandbox-people.c — the tenant's people (Graph teamsUserConfiguration)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number the demo tenant assigns to a user or a resource account
 * has someone behind its assignmentTargetId: this file makes them up
 * (Italian names for Italian numbers, English names elsewhere, unique
 * user principal names) and serves them as Microsoft Graph v1.0 serves
 * GET /admin/teams/userConfigurations: $select, $filter (eq on id,
 * userPrincipalName and accountType; startswith on userPrincipalName),
 * $top, $expand=user for the display name, and pages chained by an
 * @odata.nextLink that carries an opaque $skiptoken. Graph documents no
 * page size for this resource; the sandbox uses 100 and accepts up to 999.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "sandbox-filter.h"
#include "sandbox-http.h"
#include "sandbox-numbers.h"
#include "sandbox-people.h"

#define DOMAIN "contoso.onmicrosoft.com"
#define DEFAULT_TOP 100
#define MAX_TOP 999
#define ENTITY_TYPE "microsoft.graph.teamsAdministration.teamsUserConfiguration"

/* microsoft.graph.teamsAdministration.accountType, in Graph's order */
static const char * const account_type_names[] = {
  "user", "resourceAccount", "guest", "sfbOnPremUser", "unknown", "unknownFutureValue",
  "ineligibleUser", NULL
};
enum { ACCOUNT_USER, ACCOUNT_RESOURCE, ACCOUNT_GUEST, ACCOUNT_ON_PREM };

static const char * const italian_first[] = {
  "Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara", "Matteo", "Elena",
  "Davide", "Valentina", "Simone", "Martina", "Andrea", "Federica", "Lorenzo", "Silvia",
  "Stefano", "Alessia", "Paolo", "Roberta", "Giorgio", "Elisa", "Riccardo", "Laura",
  "Fabio", "Ilaria", "Tommaso", "Beatrice", "Emanuele", "Giovanna", "Pietro",
};
static const char * const italian_last[] = {
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
  "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano",
  "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi",
  "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli",
  "Vitale", "Serra", "Coppola", "D'Angelo", "Villa", "Marchetti", "Parisi",
};
static const char * const english_first[] = {
  "Emma", "James", "Olivia", "William", "Sophie", "Thomas", "Charlotte", "Daniel", "Grace",
  "Michael", "Hannah", "David", "Emily", "Samuel", "Lucy", "Benjamin", "Jessica", "Oliver",
  "Amelia", "George", "Rachel", "Henry", "Megan", "Jack", "Laura", "Ryan", "Chloe",
  "Matthew", "Isabel", "Joseph", "Anna", "Robert",
};
static const char * const english_last[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
  "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
  "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker",
  "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
  "Evans", "Turner", "Parker", "Collins", "O'Brien",
};
static const char * const italian_services[] = {
  "Centralino", "Assistenza clienti", "Ufficio vendite", "Help desk", "Amministrazione",
  "Accoglienza",
};
static const char * const english_services[] = {
  "Main line", "Reception", "Customer support", "Sales", "Help desk", "Accounts",
};

typedef struct
{
  char        guid[37];
  char        e164[24];
  const char *category;
  guint8      account_type;
  gint64      created;
  char       *upn;
  char       *upn_lower;
  char       *display_name;
} Person;

struct _SandboxPeople
{
  char   *tenant_id;
  GArray *people;       /* Person, in the numbers' order */
};

enum
{
  P_ID, P_USER_PRINCIPAL_NAME, P_TENANT_ID, P_EFFECTIVE_POLICY_ASSIGNMENTS, P_TELEPHONE_NUMBERS,
  P_IS_ENTERPRISE_VOICE_ENABLED, P_FEATURE_TYPES, P_ACCOUNT_TYPE, P_CREATED_DATE_TIME,
  P_MODIFIED_DATE_TIME, N_PERSON_PROPS
};

static const char * const property_names[] = {
  "id", "userPrincipalName", "tenantId", "effectivePolicyAssignments", "telephoneNumbers",
  "isEnterpriseVoiceEnabled", "featureTypes", "accountType", "createdDateTime",
  "modifiedDateTime", NULL
};

enum { U_ID = 1 << 0, U_DISPLAY_NAME = 1 << 1, U_USER_PRINCIPAL_NAME = 1 << 2 };

static void
person_clear (gpointer data)
{
  Person *p = data;

  g_free (p->upn);
  g_free (p->upn_lower);
  g_free (p->display_name);
}

/* "Centralino Milano", "D'Angelo" → "centralino.milano", "dangelo" */
static void
append_mailbox_part (GString    *out,
                     const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == ' ')
        g_string_append_c (out, '.');
      else if (g_ascii_isalnum (*c))
        g_string_append_c (out, g_ascii_tolower (*c));
    }
}

SandboxPeople *
sandbox_people_new (SandboxNumbers *numbers,
                    const char     *tenant_id)
{
  SandboxPeople *self = g_new0 (SandboxPeople, 1);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint count = sandbox_numbers_get_count (numbers);

  self->tenant_id = g_strdup (tenant_id);
  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, person_clear);

  for (guint i = 0; i < count; i++)
    {
      SandboxTarget target;
      Person p = { { 0 }, };
      guint64 h;
      g_autoptr(GString) mailbox = g_string_new (NULL);
      guint seen;

      if (!sandbox_numbers_nth_target (numbers, i, &target))
        continue;

      h = sandbox_hash64 (g_str_hash (target.guid), i + 1);
      memcpy (p.guid, target.guid, sizeof p.guid);
      memcpy (p.e164, target.e164, sizeof p.e164);
      p.category = target.category;
      /* created some time in 2022–2024 */
      p.created = (1640995200LL + (gint64) (h % (3 * 365 * 86400ULL))) * G_USEC_PER_SEC;

      if (target.kind == SANDBOX_TARGET_RESOURCE_ACCOUNT)
        {
          const char *service = target.italian
            ? italian_services[h % G_N_ELEMENTS (italian_services)]
            : english_services[h % G_N_ELEMENTS (english_services)];

          p.account_type = ACCOUNT_RESOURCE;
          p.display_name = target.city ? g_strdup_printf ("%s %s", service, target.city)
                                       : g_strdup (service);
          append_mailbox_part (mailbox, p.display_name);
        }
      else
        {
          const char *first = target.italian
            ? italian_first[h % G_N_ELEMENTS (italian_first)]
            : english_first[h % G_N_ELEMENTS (english_first)];
          const char *last = target.italian
            ? italian_last[(h >> 16) % G_N_ELEMENTS (italian_last)]
            : english_last[(h >> 16) % G_N_ELEMENTS (english_last)];

          p.account_type = target.kind == SANDBOX_TARGET_ON_PREM_USER ? ACCOUNT_ON_PREM : ACCOUNT_USER;
          p.display_name = g_strdup_printf ("%s %s", first, last);
          append_mailbox_part (mailbox, first);
          g_string_append_c (mailbox, '.');
          append_mailbox_part (mailbox, last);
        }

      /* giulia.rossi, giulia.rossi2, giulia.rossi3… */
      seen = GPOINTER_TO_UINT (g_hash_table_lookup (taken, mailbox->str));
      g_hash_table_replace (taken, g_strdup (mailbox->str), GUINT_TO_POINTER (seen + 1));
      if (seen > 0)
        g_string_append_printf (mailbox, "%u", seen + 1);
      p.upn = g_strdup_printf ("%s@" DOMAIN, mailbox->str);
      p.upn_lower = g_ascii_strdown (p.upn, -1);
      g_array_append_val (self->people, p);
    }

  return self;
}

void
sandbox_people_free (SandboxPeople *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->people);
  g_free (self->tenant_id);
  g_free (self);
}

guint
sandbox_people_get_count (SandboxPeople *self)
{
  return self->people->len;
}

/* What the request asked for */
typedef struct
{
  guint      select;         /* bits of P_*; all when no $select */
  gboolean   expand;
  guint      user_select;    /* bits of U_* */
  GPtrArray *conditions;
} Request;

static int
lookup (const char * const *names,
        const char         *name)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      return i;
  return -1;
}

static gboolean
parse_select (const char  *text,
              guint       *out,
              GError     **error)
{
  g_auto(GStrv) words = g_strsplit (text, ",", -1);

  *out = 1u << P_ID;
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = g_strstrip (words[i]);
      int prop = lookup (property_names, word);

      if (prop < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Could not find a property named '%s' on type '" ENTITY_TYPE "'.", word);
          return FALSE;
        }
      *out |= 1u << prop;
    }
  return TRUE;
}

/* user, or user($select=displayName,…) */
static gboolean
parse_expand (const char  *text,
              guint       *out,
              GError     **error)
{
  static const char * const user_names[] = { "id", "displayName", "userPrincipalName", NULL };
  g_autofree char *inner = NULL;
  g_auto(GStrv) words = NULL;

  *out = U_ID | U_DISPLAY_NAME | U_USER_PRINCIPAL_NAME;
  if (g_ascii_strcasecmp (text, "user") == 0)
    return TRUE;
  if (!g_str_has_prefix (text, "user($select=") || !g_str_has_suffix (text, ")"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Could not find a navigation property named '%s' on type '" ENTITY_TYPE "'; "
                   "only 'user' can be expanded.", text);
      return FALSE;
    }
  inner = g_strndup (text + strlen ("user($select="), strlen (text) - strlen ("user($select=") - 1);
  words = g_strsplit (inner, ",", -1);
  *out = U_ID;
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = g_strstrip (words[i]);
      int prop = lookup (user_names, word);

      if (prop < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Could not find a property named '%s' on type 'microsoft.graph.user'.", word);
          return FALSE;
        }
      *out |= 1u << prop;
    }
  return TRUE;
}

static gboolean
check_conditions (GPtrArray  *conditions,
                  GError    **error)
{
  for (guint i = 0; i < conditions->len; i++)
    {
      SandboxCondition *c = conditions->pdata[i];
      int prop = lookup (property_names, c->property);

      if (prop != P_ID && prop != P_USER_PRINCIPAL_NAME && prop != P_ACCOUNT_TYPE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Filtering on '%s' is not supported.", c->property);
          return FALSE;
        }
      if (c->any || c->value == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "'%s' must be compared with a quoted string.", c->property);
          return FALSE;
        }
      if (c->starts_with && prop != P_USER_PRINCIPAL_NAME)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "startswith() applies to userPrincipalName only.");
          return FALSE;
        }
      if (prop == P_ACCOUNT_TYPE && lookup (account_type_names, c->value) < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "'%s' is not a valid value for accountType.", c->value);
          return FALSE;
        }
      /* compare without regard to case, as Graph does for names */
      if (prop == P_USER_PRINCIPAL_NAME)
        {
          char *lower = g_ascii_strdown (c->value, -1);

          g_free (c->value);
          c->value = lower;
        }
    }
  return TRUE;
}

static gboolean
matches (const Person *p,
         GPtrArray    *conditions)
{
  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    {
      SandboxCondition *c = conditions->pdata[i];

      switch (lookup (property_names, c->property))
        {
        case P_ID:
          if (g_ascii_strcasecmp (p->guid, c->value) != 0)
            return FALSE;
          break;
        case P_USER_PRINCIPAL_NAME:
          if (c->starts_with ? !g_str_has_prefix (p->upn_lower, c->value)
                             : strcmp (p->upn_lower, c->value) != 0)
            return FALSE;
          break;
        case P_ACCOUNT_TYPE:
          if (lookup (account_type_names, c->value) != p->account_type)
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

static void
append_member (GString    *out,
               gboolean   *first,
               const char *name,
               const char *value)
{
  g_string_append_printf (out, "%s\"%s\":", *first ? "" : ",", name);
  sandbox_json_append_string (out, value);
  *first = FALSE;
}

static void
append_person (SandboxPeople *self,
               const Person  *p,
               const Request *r,
               GString       *out)
{
  gboolean first = TRUE;
  gboolean resource = p->account_type == ACCOUNT_RESOURCE;

  g_string_append_c (out, '{');
  append_member (out, &first, "id", p->guid);
  if (r->select & (1u << P_USER_PRINCIPAL_NAME))
    append_member (out, &first, "userPrincipalName", p->upn);
  if (r->select & (1u << P_TENANT_ID))
    append_member (out, &first, "tenantId", self->tenant_id);
  if (r->select & (1u << P_EFFECTIVE_POLICY_ASSIGNMENTS))
    g_string_append (out, ",\"effectivePolicyAssignments\":[{\"policyType\":\"TeamsCallingPolicy\","
                          "\"policyAssignment\":{\"displayName\":\"Global\",\"assignmentType\":\"direct\","
                          "\"policyId\":\"Global\"}}]");
  if (r->select & (1u << P_TELEPHONE_NUMBERS))
    g_string_append_printf (out, ",\"telephoneNumbers\":[{\"telephoneNumber\":\"%s\","
                                 "\"assignmentCategory\":\"%s\"}]", p->e164, p->category);
  if (r->select & (1u << P_IS_ENTERPRISE_VOICE_ENABLED))
    g_string_append (out, ",\"isEnterpriseVoiceEnabled\":true");
  if (r->select & (1u << P_FEATURE_TYPES))
    g_string_append (out, resource ? ",\"featureTypes\":[\"Teams\",\"PhoneSystemVirtualUser\"]"
                                   : ",\"featureTypes\":[\"Teams\",\"PhoneSystem\"]");
  if (r->select & (1u << P_ACCOUNT_TYPE))
    append_member (out, &first, "accountType", account_type_names[p->account_type]);
  if (r->select & ((1u << P_CREATED_DATE_TIME) | (1u << P_MODIFIED_DATE_TIME)))
    {
      g_autofree char *created = sandbox_format_time (p->created);

      if (r->select & (1u << P_CREATED_DATE_TIME))
        append_member (out, &first, "createdDateTime", created);
      if (r->select & (1u << P_MODIFIED_DATE_TIME))
        append_member (out, &first, "modifiedDateTime", created);
    }
  if (r->expand)
    {
      gboolean user_first = TRUE;

      g_string_append (out, ",\"user\":{");
      append_member (out, &user_first, "id", p->guid);
      if (r->user_select & U_DISPLAY_NAME)
        append_member (out, &user_first, "displayName", p->display_name);
      if (r->user_select & U_USER_PRINCIPAL_NAME)
        append_member (out, &user_first, "userPrincipalName", p->upn);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

static void
append_param (GString    *link,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, "(),=", FALSE);
  g_string_append_printf (link, "%s%s=%s", strchr (link->str, '?') ? "&" : "?", name, escaped);
}

static char *
next_link (SandboxServer *server,
           GHashTable    *query,
           guint          top,
           guint          skip)
{
  GString *link = g_string_new (server->base_url);
  g_autofree char *raw = g_strdup_printf ("userConfigurations:%u", skip);
  g_autofree char *token = sandbox_base64url_encode ((const guint8 *) raw, strlen (raw));
  g_autofree char *top_text = g_strdup_printf ("%u", top);

  g_string_append (link, SANDBOX_PEOPLE_PATH);
  append_param (link, "$select", sandbox_query_get (query, "$select"));
  append_param (link, "$expand", sandbox_query_get (query, "$expand"));
  append_param (link, "$filter", sandbox_query_get (query, "$filter"));
  append_param (link, "$top", top_text);
  append_param (link, "$skiptoken", token);
  return g_string_free (link, FALSE);
}

static gboolean
parse_skiptoken (const char *token,
                 guint      *skip)
{
  g_autofree guint8 *raw = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint64 value = 0;

  raw = sandbox_base64url_decode (token, &length);
  if (raw == NULL)
    return FALSE;
  text = g_strndup ((const char *) raw, length);
  if (!g_str_has_prefix (text, "userConfigurations:")
      || !g_ascii_string_to_unsigned (text + strlen ("userConfigurations:"), 10, 0, G_MAXUINT32,
                                      &value, NULL))
    return FALSE;
  *skip = (guint) value;
  return TRUE;
}

void
sandbox_people_handle_list (SandboxServer     *server,
                            SoupServerMessage *msg,
                            GHashTable        *query)
{
  SandboxPeople *self = server->people;
  const char *select = sandbox_query_get (query, "$select");
  const char *expand = sandbox_query_get (query, "$expand");
  const char *filter = sandbox_query_get (query, "$filter");
  const char *skiptoken = sandbox_query_get (query, "$skiptoken");
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(GError) error = NULL;
  Request r = { 0, };
  guint top, skip;
  guint seen = 0, written = 0;
  gboolean more = FALSE;
  GString *out;
  gsize next_link_at;

  if (!sandbox_query_paging (msg, query, DEFAULT_TOP, MAX_TOP, &top, &skip))
    return;
  if (skiptoken != NULL && !parse_skiptoken (skiptoken, &skip))
    {
      sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest",
                             "The $skiptoken is not valid.");
      return;
    }

  r.select = G_MAXUINT;
  if (select != NULL && !parse_select (select, &r.select, &error))
    goto bad_request;
  if (expand != NULL)
    {
      r.expand = TRUE;
      if (!parse_expand (expand, &r.user_select, &error))
        goto bad_request;
    }
  if (filter != NULL)
    {
      conditions = sandbox_filter_parse (filter, &error);
      if (conditions == NULL || !check_conditions (conditions, &error))
        {
          g_autofree char *message = g_strdup_printf ("Invalid filter clause: %s", error->message);

          sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest", message);
          return;
        }
    }

  out = g_string_sized_new (MIN (top, MAX_TOP) * 400 + 512);
  g_string_append_printf (out, "{\"@odata.context\":\"%s/v1.0/$metadata#admin/teams/userConfigurations\"",
                          server->base_url);
  next_link_at = out->len;
  g_string_append (out, ",\"value\":[");
  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *p = &g_array_index (self->people, Person, i);

      if (!matches (p, conditions))
        continue;
      if (seen++ < skip)
        continue;
      if (written == top)
        {
          more = TRUE;
          break;
        }
      if (written++ > 0)
        g_string_append_c (out, ',');
      append_person (self, p, &r, out);
    }
  g_string_append (out, "]}");

  if (more)
    {
      g_autofree char *link = next_link (server, query, top, skip + top);
      GString *member = g_string_new (",\"@odata.nextLink\":");

      sandbox_json_append_string (member, link);
      g_string_insert_len (out, next_link_at, member->str, member->len);
      g_string_free (member, TRUE);
    }
  sandbox_respond_gstring (msg, SOUP_STATUS_OK, out);
  return;

bad_request:
  sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "BadRequest", error->message);
}
