/* sandbox-numbers.c — the tenant's phone numbers (Graph numberAssignment)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tenant can hold 100,000 numbers and more, so each one is a 24-byte
 * record (enum values and bit sets; every GUID is derived from the seed on
 * the way out) in one array sorted as Graph sorts them, by telephoneNumber.
 * Pages are written straight into a GString: building a JsonNode tree per
 * page would cost more than the whole rest of a request.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "sandbox-filter.h"
#include "sandbox-http.h"
#include "sandbox-numbers.h"

/* Enum values exactly as Microsoft Graph v1.0 defines them in the
 * microsoft.graph.teamsAdministration namespace */
static const char * const number_type_names[] = {
  "internalError", "directRouting", "callingPlan", "operatorConnect", "unknownFutureValue", NULL
};
enum { TYPE_INTERNAL_ERROR, TYPE_DIRECT_ROUTING, TYPE_CALLING_PLAN, TYPE_OPERATOR_CONNECT };

static const char * const activation_names[] = {
  "activated", "assignmentPending", "assignmentFailed", "updatePending", "updateFailed",
  "unknownFutureValue", NULL
};
enum { ACT_ACTIVATED, ACT_ASSIGNMENT_PENDING, ACT_ASSIGNMENT_FAILED, ACT_UPDATE_PENDING,
       ACT_UPDATE_FAILED };

static const char * const status_names[] = {
  "unassigned", "internalError", "userAssigned", "conferenceAssigned",
  "voiceApplicationAssigned", "thirdPartyAppAssigned", "policyAssigned", "unknownFutureValue", NULL
};
enum { ST_UNASSIGNED, ST_INTERNAL_ERROR, ST_USER, ST_CONFERENCE, ST_VOICE_APP, ST_THIRD_PARTY,
       ST_POLICY };

/* index 0 is null in the three nullable enums below */
static const char * const category_names[] = {
  NULL, "primary", "private", "alternate", "unknownFutureValue", NULL
};
enum { CAT_NULL, CAT_PRIMARY, CAT_PRIVATE, CAT_ALTERNATE };

static const char * const port_in_names[] = {
  NULL, "completed", "firmOrderCommitmentAccepted", "unknownFutureValue", NULL
};
enum { PORT_NULL, PORT_COMPLETED, PORT_FOC_ACCEPTED };

static const char * const source_names[] = {
  "online", "onPremises", "unknownFutureValue", NULL
};
enum { SRC_ONLINE, SRC_ON_PREMISES };

static const char * const capability_names[] = {
  "conferenceAssignment", "voiceApplicationAssignment", "userAssignment", "teamsPhoneMobile",
  "unknownFutureValue", NULL
};
enum { CAP_CONFERENCE = 1 << 0, CAP_VOICE_APP = 1 << 1, CAP_USER = 1 << 2, CAP_MOBILE = 1 << 3 };

static const char * const action_names[] = {
  "locationUpdate", "release", "unknownFutureValue", NULL
};
enum { ACTION_LOCATION = 1 << 0, ACTION_RELEASE = 1 << 1 };

static const char * const rnl_names[] = {
  "skipInternalVoip", "unknownFutureValue", NULL
};
enum { RNL_SKIP_INTERNAL_VOIP = 1 << 0 };

enum { FLAG_CIVIC = 1 << 0, FLAG_LOCATION = 1 << 1, FLAG_SITE = 1 << 2, FLAG_CITY = 1 << 3 };

typedef struct
{
  const char *iso;
  const char *code;
} Country;

static const Country countries[] = {
  { "US", "1" }, { "NL", "31" }, { "FR", "33" }, { "ES", "34" }, { "IT", "39" },
  { "GB", "44" }, { "DE", "49" },
};
#define NO_COUNTRY 0xff
#define NO_REGION 0xff

typedef struct
{
  const char *prefix;     /* E.164 digits before the subscriber part */
  guint       digits;     /* subscriber digits */
  guint64     start;      /* the first subscriber number handed out */
  const char *city;
  guint8      country;    /* index in countries[] */
  guint       weight;
} Region;

/* Sorted by prefix, and no prefix is the start of another, so that numbers
 * generated region by region in ascending order come out sorted as strings.
 * Subscriber numbers below `start` are never generated: demo port orders
 * use them for numbers that are not (or no longer) in the tenant. */
static const Region regions[] = {
  { "1206", 7, 5550000, "Seattle", 0, 6 },
  { "1212", 7, 5550000, "New York", 0, 10 },
  { "1312", 7, 5550000, "Chicago", 0, 8 },
  { "1415", 7, 5550000, "San Francisco", 0, 7 },
  { "1512", 7, 5550000, "Austin", 0, 5 },
  { "1617", 7, 5550000, "Boston", 0, 6 },
  { "3120", 7, 5000000, "Amsterdam", 1, 2 },
  { "331", 8, 40000000, "Paris", 2, 3 },
  { "3491", 7, 5000000, "Madrid", 3, 2 },
  { "39011", 7, 5000000, "Torino", 4, 6 },
  { "3902", 8, 40000000, "Milano", 4, 14 },
  { "39051", 7, 5000000, "Bologna", 4, 3 },
  { "39055", 7, 5000000, "Firenze", 4, 3 },
  { "3906", 8, 50000000, "Roma", 4, 10 },
  { "39081", 7, 5000000, "Napoli", 4, 5 },
  { "4420", 8, 70000000, "London", 5, 3 },
  { "4930", 8, 40000000, "Berlin", 6, 3 },
};

typedef struct
{
  guint64 e164;         /* the digits after '+' */
  guint32 target;       /* 0: unassigned; else the seed of the target's GUID */
  guint8  region;
  guint8  country;
  guint8  type;
  guint8  activation;
  guint8  status;
  guint8  category;
  guint8  port_in;
  guint8  source;
  guint8  caps;
  guint8  actions;
  guint8  rnl;
  guint8  flags;
} SandboxNumber;

G_STATIC_ASSERT (sizeof (SandboxNumber) == 24);

struct _SandboxNumbers
{
  guint64  seed;
  char    *tenant_id;
  GArray  *numbers;     /* SandboxNumber, sorted by telephoneNumber */
};

enum
{
  PROP_TELEPHONE_NUMBER, PROP_OPERATOR_ID, PROP_NUMBER_TYPE, PROP_ACTIVATION_STATE,
  PROP_CAPABILITIES, PROP_LOCATION_ID, PROP_CIVIC_ADDRESS_ID, PROP_NETWORK_SITE_ID,
  PROP_ASSIGNMENT_TARGET_ID, PROP_ASSIGNMENT_CATEGORY, PROP_PORT_IN_STATUS,
  PROP_ASSIGNMENT_STATUS, PROP_ISO_COUNTRY_CODE, PROP_NUMBER_SOURCE,
  PROP_SUPPORTED_CUSTOMER_ACTIONS, PROP_REVERSE_NUMBER_LOOKUP_OPTIONS,
  PROP_ID, PROP_CITY,
};

static const char * const property_names[] = {
  "telephoneNumber", "operatorId", "numberType", "activationState", "capabilities",
  "locationId", "civicAddressId", "networkSiteId", "assignmentTargetId",
  "assignmentCategory", "portInStatus", "assignmentStatus", "isoCountryCode",
  "numberSource", "supportedCustomerActions", "reverseNumberLookupOptions", "id", "city", NULL
};

/* GUID namespaces: each kind of derived identifier has its own */
enum { GUID_TARGET = 1, GUID_OPERATOR, GUID_CIVIC, GUID_LOCATION, GUID_SITE, GUID_POLICY };

static const char *string_property (SandboxNumbers      *self,
                                    const SandboxNumber *n,
                                    guint                prop,
                                    char                 buf[48]);

static void
format_e164 (guint64 e164,
             char    out[24])
{
  g_snprintf (out, 24, "+%" G_GUINT64_FORMAT, e164);
}

static int
compare_e164 (guint64 a,
              guint64 b)
{
  char sa[24], sb[24];

  if (a == b)
    return 0;
  format_e164 (a, sa);
  format_e164 (b, sb);
  return strcmp (sa, sb);
}

gboolean
sandbox_is_e164 (const char *text)
{
  gsize n = 0;

  if (text == NULL || text[0] != '+' || text[1] < '1' || text[1] > '9')
    return FALSE;
  for (const char *p = text + 1; *p != '\0'; p++, n++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  /* E.164: at most 15 digits; fewer than 8 is no dialable DID */
  return n >= 8 && n <= 15;
}

static gboolean
parse_e164 (const char *text,
            guint64    *out)
{
  if (!sandbox_is_e164 (text))
    return FALSE;
  *out = g_ascii_strtoull (text + 1, NULL, 10);
  return TRUE;
}

static guint64
region_number (const Region *region,
               guint64       subscriber)
{
  guint64 value = g_ascii_strtoull (region->prefix, NULL, 10);

  for (guint i = 0; i < region->digits; i++)
    value *= 10;
  return value + subscriber;
}

static guint8
region_of (guint64 e164)
{
  char text[24];

  format_e164 (e164, text);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_has_prefix (text + 1, regions[i].prefix)
        && strlen (text + 1) == strlen (regions[i].prefix) + regions[i].digits)
      return (guint8) i;
  return NO_REGION;
}

static guint8
country_of (guint64 e164)
{
  char text[24];

  format_e164 (e164, text);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_str_has_prefix (text + 1, countries[i].code))
      return (guint8) i;
  return NO_COUNTRY;
}

static guint
pick (guint64 bits,
      guint   modulo)
{
  return (guint) (bits % modulo);
}

/* A realistic mix: Calling Plan and Operator Connect where Microsoft sells
 * them (US, Italy), Direct Routing everywhere; user numbers and service
 * numbers; mostly assigned and activated, with a few pending or failed. */
static void
generate_one (SandboxNumbers *self,
              guint           region_index,
              guint64         subscriber,
              guint64         index,
              SandboxNumber  *n)
{
  const Region *region = &regions[region_index];
  guint64 h = sandbox_hash64 (self->seed, index + 1);
  guint64 h2 = sandbox_hash64 (self->seed ^ 0xa5a5a5a5ULL, index + 1);
  gboolean sold_here = region->country == 0 || region->country == 4;
  gboolean user_number;
  gboolean assigned;
  guint r;

  memset (n, 0, sizeof *n);
  n->e164 = region_number (region, subscriber);
  n->region = (guint8) region_index;
  n->country = region->country;

  r = pick (h, 100);
  if (sold_here)
    n->type = r < 45 ? TYPE_CALLING_PLAN : r < 70 ? TYPE_OPERATOR_CONNECT : TYPE_DIRECT_ROUTING;
  else
    n->type = r < 60 ? TYPE_DIRECT_ROUTING : TYPE_OPERATOR_CONNECT;

  user_number = pick (h >> 8, 100) < 72;
  if (n->type == TYPE_DIRECT_ROUTING)
    n->caps = CAP_CONFERENCE | CAP_VOICE_APP | CAP_USER;
  else if (user_number)
    n->caps = CAP_USER | ((n->type == TYPE_OPERATOR_CONNECT && pick (h2, 10) == 0) ? CAP_MOBILE : 0);
  else
    n->caps = CAP_VOICE_APP | CAP_CONFERENCE;

  assigned = pick (h >> 16, 100) < 68;
  if (!assigned)
    n->status = ST_UNASSIGNED;
  else if (user_number)
    n->status = (n->type == TYPE_DIRECT_ROUTING && pick (h2 >> 8, 20) == 0) ? ST_POLICY : ST_USER;
  else
    {
      r = pick (h2 >> 16, 100);
      n->status = r < 65 ? ST_VOICE_APP : r < 95 ? ST_CONFERENCE : ST_THIRD_PARTY;
    }

  if (n->status == ST_USER)
    {
      r = pick (h2 >> 24, 100);
      n->category = r < 90 ? CAT_PRIMARY : r < 97 ? CAT_PRIVATE : CAT_ALTERNATE;
    }
  else if (n->status != ST_UNASSIGNED)
    {
      n->category = CAT_PRIMARY;
    }

  if (n->status != ST_UNASSIGNED)
    n->target = (guint32) (index + 1);

  r = pick (h >> 24, 1000);
  if (r < 940)
    n->activation = ACT_ACTIVATED;
  else if (r < 960)
    n->activation = assigned ? ACT_ASSIGNMENT_PENDING : ACT_ACTIVATED;
  else if (r < 970)
    n->activation = assigned ? ACT_ASSIGNMENT_FAILED : ACT_ACTIVATED;
  else if (r < 990)
    n->activation = ACT_UPDATE_PENDING;
  else
    n->activation = ACT_UPDATE_FAILED;

  r = pick (h >> 34, 100);
  n->port_in = r < 9 ? PORT_COMPLETED : r == 9 ? PORT_FOC_ACCEPTED : PORT_NULL;

  n->source = (n->type == TYPE_DIRECT_ROUTING && pick (h >> 40, 10) == 0) ? SRC_ON_PREMISES : SRC_ONLINE;
  n->actions = ACTION_LOCATION | (n->type == TYPE_CALLING_PLAN ? ACTION_RELEASE : 0);
  n->rnl = (n->type == TYPE_DIRECT_ROUTING && pick (h >> 44, 20) == 0) ? RNL_SKIP_INTERNAL_VOIP : 0;

  if (n->type == TYPE_DIRECT_ROUTING)
    n->flags = pick (h >> 50, 5) == 0 ? FLAG_SITE : 0;
  else
    n->flags = FLAG_CITY | FLAG_CIVIC | (pick (h >> 50, 10) < 6 ? FLAG_LOCATION : 0);
}

SandboxNumbers *
sandbox_numbers_new (guint64     seed,
                     const char *tenant_id,
                     guint       n_numbers)
{
  SandboxNumbers *self = g_new0 (SandboxNumbers, 1);
  guint total_weight = 0;
  guint given = 0;
  guint counts[G_N_ELEMENTS (regions)];
  guint64 index = 0;

  self->seed = seed;
  self->tenant_id = g_strdup (tenant_id);
  self->numbers = g_array_sized_new (FALSE, FALSE, sizeof (SandboxNumber), n_numbers + 64);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      /* the table's order is the numbers' order: keep it sorted, prefix-free */
      g_assert (i == 0 || (strcmp (regions[i - 1].prefix, regions[i].prefix) < 0
                           && !g_str_has_prefix (regions[i].prefix, regions[i - 1].prefix)));
      total_weight += regions[i].weight;
    }
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      counts[i] = (guint) ((guint64) n_numbers * regions[i].weight / total_weight);
      given += counts[i];
    }
  /* the remainder goes round the regions from the biggest city down */
  for (guint i = 0; given < n_numbers; i = (i + 1) % G_N_ELEMENTS (regions), given++)
    counts[(i * 7 + 9) % G_N_ELEMENTS (regions)]++;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      const Region *region = &regions[i];
      guint64 capacity = 1;
      guint64 stride;
      guint64 subscriber;

      for (guint d = 0; d < region->digits; d++)
        capacity *= 10;
      capacity -= region->start;
      stride = MIN (13, capacity / (counts[i] + 1));
      g_assert (stride >= 1);

      /* numbers come in blocks, as carriers hand them out, with gaps */
      subscriber = region->start + pick (sandbox_hash64 (seed, 1000 + i), 1000);
      for (guint j = 0; j < counts[i]; j++, index++)
        {
          SandboxNumber n;

          generate_one (self, i, subscriber, index, &n);
          g_array_append_val (self->numbers, n);
          subscriber += 1 + pick (sandbox_hash64 (seed ^ 0x77ULL, index), stride);
        }
    }

  return self;
}

void
sandbox_numbers_free (SandboxNumbers *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->numbers);
  g_free (self->tenant_id);
  g_free (self);
}

guint
sandbox_numbers_get_count (SandboxNumbers *self)
{
  return self->numbers->len;
}

/* Returns the position of @e164, or where it would go with @found unset */
static guint
search (SandboxNumbers *self,
        guint64         e164,
        gboolean       *found)
{
  guint lo = 0, hi = self->numbers->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = compare_e164 (g_array_index (self->numbers, SandboxNumber, mid).e164, e164);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = FALSE;
  return lo;
}

gboolean
sandbox_numbers_contains (SandboxNumbers *self,
                          const char     *e164)
{
  guint64 value;
  gboolean found = FALSE;

  if (!parse_e164 (e164, &value))
    return FALSE;
  search (self, value, &found);
  return found;
}

/**
 * sandbox_numbers_add_ported:
 * @e164: a number a completed port-in order brought in
 *
 * Adds @e164 to the tenant as a Calling Plan user number, unassigned, with
 * portInStatus completed; a number already there is only marked ported.
 *
 * Returns: %TRUE if the number was new
 */
gboolean
sandbox_numbers_add_ported (SandboxNumbers *self,
                            const char     *e164)
{
  guint64 value;
  gboolean found = FALSE;
  guint position;
  SandboxNumber n = { 0, };

  if (!parse_e164 (e164, &value))
    return FALSE;

  position = search (self, value, &found);
  if (found)
    {
      g_array_index (self->numbers, SandboxNumber, position).port_in = PORT_COMPLETED;
      return FALSE;
    }

  n.e164 = value;
  n.region = region_of (value);
  n.country = country_of (value);
  n.type = TYPE_CALLING_PLAN;
  n.activation = ACT_ACTIVATED;
  n.status = ST_UNASSIGNED;
  n.category = CAT_NULL;
  n.port_in = PORT_COMPLETED;
  n.source = SRC_ONLINE;
  n.caps = CAP_USER;
  n.actions = ACTION_LOCATION | ACTION_RELEASE;
  n.flags = (n.region != NO_REGION ? FLAG_CITY | FLAG_CIVIC : 0);
  g_array_insert_val (self->numbers, position, n);
  return TRUE;
}

gboolean
sandbox_numbers_nth (SandboxNumbers *self,
                     guint           index,
                     char            out[24])
{
  if (index >= self->numbers->len)
    return FALSE;
  format_e164 (g_array_index (self->numbers, SandboxNumber, index).e164, out);
  return TRUE;
}

/**
 * sandbox_numbers_nth_target:
 * @index: a position in the tenant's numbers
 *
 * Tells who the number at @index is assigned to, when that is a user or a
 * resource account (a userConfiguration in Graph); conference bridges,
 * policies and third-party apps are not people.
 *
 * Returns: %TRUE if @out was filled with a person's target
 */
gboolean
sandbox_numbers_nth_target (SandboxNumbers *self,
                            guint           index,
                            SandboxTarget  *out)
{
  const SandboxNumber *n;
  char buf[48];

  if (index >= self->numbers->len)
    return FALSE;
  n = &g_array_index (self->numbers, SandboxNumber, index);
  if (n->target == 0)
    return FALSE;
  if (n->status == ST_USER)
    out->kind = n->source == SRC_ON_PREMISES ? SANDBOX_TARGET_ON_PREM_USER : SANDBOX_TARGET_USER;
  else if (n->status == ST_VOICE_APP)
    out->kind = SANDBOX_TARGET_RESOURCE_ACCOUNT;
  else
    return FALSE;
  g_strlcpy (out->guid, string_property (self, n, PROP_ASSIGNMENT_TARGET_ID, buf), sizeof out->guid);
  format_e164 (n->e164, out->e164);
  out->category = category_names[n->category] ? category_names[n->category] : "primary";
  out->city = n->region != NO_REGION ? regions[n->region].city : NULL;
  out->italian = n->country == 4;
  return TRUE;
}

/**
 * sandbox_numbers_reserved:
 * @which: any index
 *
 * Gives a number of a demo city that the generator never hands out.
 */
void
sandbox_numbers_reserved (guint which,
                          char  out[24])
{
  /* Milano, Roma, Torino, New York, Chicago in turn */
  static const guint cities[] = { 10, 13, 9, 1, 2 };
  const Region *region = &regions[cities[which % G_N_ELEMENTS (cities)]];

  format_e164 (region_number (region, region->start - 1 - (which / G_N_ELEMENTS (cities)) % 100000),
               out);
}

static void
number_id (SandboxNumbers      *self,
           const SandboxNumber *n,
           GString             *out)
{
  char e164[24];
  g_autofree char *raw = NULL;
  g_autofree char *encoded = NULL;

  /* As Graph does: base64url of "{tenant id}|{telephone number}" */
  format_e164 (n->e164, e164);
  raw = g_strconcat (self->tenant_id, "|", e164, NULL);
  encoded = sandbox_base64url_encode ((const guint8 *) raw, strlen (raw));
  g_string_append (out, encoded);
}

static void
operator_guid (const SandboxNumber *n,
               char                 out[37])
{
  /* one operator per kind of number and country: stable across tenants */
  sandbox_format_guid (0x0a11ce, GUID_OPERATOR * 1000 + n->type * 16 + n->country, out);
}

/* Writes the value of a string property into @buf, or returns NULL */
static const char *
string_property (SandboxNumbers      *self,
                 const SandboxNumber *n,
                 guint                prop,
                 char                 buf[48])
{
  switch (prop)
    {
    case PROP_TELEPHONE_NUMBER:
      format_e164 (n->e164, buf);
      return buf;
    case PROP_OPERATOR_ID:
      operator_guid (n, buf);
      return buf;
    case PROP_LOCATION_ID:
      if (!(n->flags & FLAG_LOCATION))
        return NULL;
      sandbox_format_guid (self->seed, GUID_LOCATION * 1000 + n->region, buf);
      return buf;
    case PROP_CIVIC_ADDRESS_ID:
      if (!(n->flags & FLAG_CIVIC))
        return NULL;
      sandbox_format_guid (self->seed, GUID_CIVIC * 1000 + n->region, buf);
      return buf;
    case PROP_NETWORK_SITE_ID:
      if (!(n->flags & FLAG_SITE))
        return NULL;
      sandbox_format_guid (self->seed, GUID_SITE * 1000 + n->region, buf);
      return buf;
    case PROP_ASSIGNMENT_TARGET_ID:
      if (n->target == 0)
        return NULL;
      sandbox_format_guid (self->seed,
                           (n->status == ST_POLICY ? GUID_POLICY : GUID_TARGET) * 10000000ULL
                           + n->target, buf);
      return buf;
    case PROP_ISO_COUNTRY_CODE:
      return n->country == NO_COUNTRY ? NULL : countries[n->country].iso;
    default:
      g_assert_not_reached ();
    }
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_printf (out, ",\"%s\":", name);
  sandbox_json_append_string (out, value);
}

static void
append_bits (GString            *out,
             const char         *name,
             guint               bits,
             const char * const *names)
{
  gboolean first = TRUE;

  g_string_append_printf (out, ",\"%s\":[", name);
  for (guint i = 0; names[i] != NULL; i++)
    if (bits & (1u << i))
      {
        g_string_append_printf (out, first ? "\"%s\"" : ",\"%s\"", names[i]);
        first = FALSE;
      }
  g_string_append_c (out, ']');
}

static void
append_number (SandboxNumbers      *self,
               const SandboxNumber *n,
               GString             *out)
{
  char buf[48];

  g_string_append (out, "{\"@odata.type\":\"#microsoft.graph.teamsAdministration.numberAssignment\","
                        "\"id\":\"");
  number_id (self, n, out);
  g_string_append_c (out, '"');
  append_member (out, "telephoneNumber", string_property (self, n, PROP_TELEPHONE_NUMBER, buf));
  append_member (out, "operatorId", string_property (self, n, PROP_OPERATOR_ID, buf));
  append_member (out, "numberType", number_type_names[n->type]);
  append_member (out, "activationState", activation_names[n->activation]);
  append_bits (out, "capabilities", n->caps, capability_names);
  append_member (out, "locationId", string_property (self, n, PROP_LOCATION_ID, buf));
  append_member (out, "civicAddressId", string_property (self, n, PROP_CIVIC_ADDRESS_ID, buf));
  append_member (out, "networkSiteId", string_property (self, n, PROP_NETWORK_SITE_ID, buf));
  append_member (out, "assignmentTargetId", string_property (self, n, PROP_ASSIGNMENT_TARGET_ID, buf));
  append_member (out, "assignmentCategory", category_names[n->category]);
  append_member (out, "portInStatus", port_in_names[n->port_in]);
  append_member (out, "assignmentStatus", status_names[n->status]);
  append_member (out, "isoCountryCode", string_property (self, n, PROP_ISO_COUNTRY_CODE, buf));
  append_member (out, "city",
                 (n->flags & FLAG_CITY) && n->region != NO_REGION ? regions[n->region].city : NULL);
  append_member (out, "numberSource", source_names[n->source]);
  append_bits (out, "supportedCustomerActions", n->actions, action_names);
  append_bits (out, "reverseNumberLookupOptions", n->rnl, rnl_names);
  g_string_append_c (out, '}');
}

/* A condition resolved against this resource */
typedef struct
{
  guint    prop;
  gboolean any;
  gboolean is_null;
  int      enum_value;
  guint    bit;
  guint64  e164;
  char    *text;
} Compiled;

static int
enum_lookup (const char * const *names,
             guint               n_names,
             const char         *value)
{
  /* Graph's own example filters on 'DirectRouting': enum names match
   * whatever their case */
  for (guint i = 0; i < n_names; i++)
    if (names[i] != NULL && g_ascii_strcasecmp (names[i], value) == 0)
      return (int) i;
  return -1;
}

static int
enum_count (const char * const *names)
{
  int n = 1;

  /* nullable enums start with a NULL entry, so count from the second */
  while (names[n] != NULL)
    n++;
  return n;
}

static gboolean
compile_condition (const SandboxCondition *condition,
                   Compiled               *out,
                   GError                **error)
{
  int prop = -1;
  const char * const *names = NULL;

  memset (out, 0, sizeof *out);
  for (int i = 0; property_names[i] != NULL; i++)
    if (g_ascii_strcasecmp (property_names[i], condition->property) == 0)
      prop = i;

  if (prop < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Could not find a property named '%s' on type "
                   "'microsoft.graph.teamsAdministration.numberAssignment'.",
                   condition->property);
      return FALSE;
    }
  if (prop == PROP_ID || prop == PROP_CITY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Filtering on '%s' is not supported.", property_names[prop]);
      return FALSE;
    }

  if (condition->starts_with)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "startswith() is not supported on numberAssignments.");
      return FALSE;
    }

  out->prop = (guint) prop;
  out->any = condition->any;
  out->is_null = condition->value == NULL;

  switch (prop)
    {
    case PROP_CAPABILITIES:
      names = capability_names;
      break;
    case PROP_SUPPORTED_CUSTOMER_ACTIONS:
      names = action_names;
      break;
    case PROP_REVERSE_NUMBER_LOOKUP_OPTIONS:
      names = rnl_names;
      break;
    case PROP_NUMBER_TYPE:
      names = number_type_names;
      break;
    case PROP_ACTIVATION_STATE:
      names = activation_names;
      break;
    case PROP_ASSIGNMENT_STATUS:
      names = status_names;
      break;
    case PROP_ASSIGNMENT_CATEGORY:
      names = category_names;
      break;
    case PROP_PORT_IN_STATUS:
      names = port_in_names;
      break;
    case PROP_NUMBER_SOURCE:
      names = source_names;
      break;
    default:
      break;
    }

  if (prop == PROP_CAPABILITIES || prop == PROP_SUPPORTED_CUSTOMER_ACTIONS
      || prop == PROP_REVERSE_NUMBER_LOOKUP_OPTIONS)
    {
      int bit;

      if (!condition->any)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "'%s' is a collection: use %s/any(c:c eq '…').",
                       property_names[prop], property_names[prop]);
          return FALSE;
        }
      bit = condition->value ? enum_lookup (names, enum_count (names), condition->value) : -1;
      if (bit < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "'%s' is not a valid value for %s.",
                       condition->value ? condition->value : "null", property_names[prop]);
          return FALSE;
        }
      out->bit = 1u << bit;
      return TRUE;
    }

  if (condition->any)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "'%s' is not a collection: any() does not apply.", property_names[prop]);
      return FALSE;
    }

  if (names != NULL)
    {
      if (out->is_null)
        {
          if (names[0] != NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "%s is never null.", property_names[prop]);
              return FALSE;
            }
          out->enum_value = 0;
          return TRUE;
        }
      out->enum_value = enum_lookup (names, enum_count (names), condition->value);
      if (out->enum_value < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "'%s' is not a valid value for %s.", condition->value,
                       property_names[prop]);
          return FALSE;
        }
      return TRUE;
    }

  if (prop == PROP_TELEPHONE_NUMBER && !out->is_null)
    {
      /* a value that is no E.164 number matches nothing */
      if (!parse_e164 (condition->value, &out->e164))
        out->e164 = 0;
    }
  out->text = condition->value;
  return TRUE;
}

static gboolean
matches (SandboxNumbers      *self,
         const SandboxNumber *n,
         const Compiled      *c,
         guint                n_conditions)
{
  for (guint i = 0; i < n_conditions; i++)
    {
      const Compiled *cond = &c[i];
      char buf[48];
      const char *value;

      switch (cond->prop)
        {
        case PROP_CAPABILITIES:
          if (!(n->caps & cond->bit))
            return FALSE;
          break;
        case PROP_SUPPORTED_CUSTOMER_ACTIONS:
          if (!(n->actions & cond->bit))
            return FALSE;
          break;
        case PROP_REVERSE_NUMBER_LOOKUP_OPTIONS:
          if (!(n->rnl & cond->bit))
            return FALSE;
          break;
        case PROP_NUMBER_TYPE:
          if (n->type != cond->enum_value)
            return FALSE;
          break;
        case PROP_ACTIVATION_STATE:
          if (n->activation != cond->enum_value)
            return FALSE;
          break;
        case PROP_ASSIGNMENT_STATUS:
          if (n->status != cond->enum_value)
            return FALSE;
          break;
        case PROP_ASSIGNMENT_CATEGORY:
          if (n->category != cond->enum_value)
            return FALSE;
          break;
        case PROP_PORT_IN_STATUS:
          if (n->port_in != cond->enum_value)
            return FALSE;
          break;
        case PROP_NUMBER_SOURCE:
          if (n->source != cond->enum_value)
            return FALSE;
          break;
        case PROP_TELEPHONE_NUMBER:
          if (cond->is_null || n->e164 != cond->e164)
            return FALSE;
          break;
        default:
          value = string_property (self, n, cond->prop, buf);
          if (cond->is_null ? value != NULL
                            : (value == NULL || g_ascii_strcasecmp (value, cond->text) != 0))
            return FALSE;
        }
    }
  return TRUE;
}

void
sandbox_numbers_handle_list (SandboxServer     *server,
                             SoupServerMessage *msg,
                             GHashTable        *query)
{
  SandboxNumbers *self = server->numbers;
  const char *filter = sandbox_query_get (query, "$filter");
  g_autoptr(GPtrArray) conditions = NULL;
  g_autofree Compiled *compiled = NULL;
  guint n_compiled = 0;
  guint top, skip;
  guint seen = 0, written = 0;
  gboolean more = FALSE;
  GString *out;
  gsize next_link_at;

  if (!sandbox_query_paging (msg, query, 500, 1000, &top, &skip))
    return;

  if (filter != NULL)
    {
      g_autoptr(GError) error = NULL;

      conditions = sandbox_filter_parse (filter, &error);
      if (conditions == NULL)
        {
          g_autofree char *message = g_strdup_printf ("Invalid filter clause: %s", error->message);

          sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest", message);
          return;
        }
      n_compiled = conditions->len;
      compiled = g_new0 (Compiled, n_compiled);
      for (guint i = 0; i < n_compiled; i++)
        if (!compile_condition (conditions->pdata[i], &compiled[i], &error))
          {
            g_autofree char *message = g_strdup_printf ("Invalid filter clause: %s", error->message);

            sandbox_respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalidRequest", message);
            return;
          }
    }

  out = g_string_sized_new (MIN (top, 1000) * 700 + 512);
  g_string_append_printf (out, "{\"@odata.context\":\"%s/v1.0/$metadata#admin/teams/"
                               "telephoneNumberManagement/numberAssignments\"",
                          server->base_url);
  next_link_at = out->len;
  g_string_append (out, ",\"value\":[");

  for (guint i = 0; i < self->numbers->len; i++)
    {
      const SandboxNumber *n = &g_array_index (self->numbers, SandboxNumber, i);

      if (n_compiled > 0 && !matches (self, n, compiled, n_compiled))
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
      append_number (self, n, out);
    }
  g_string_append (out, "]}");

  if (more)
    {
      g_autofree char *link = sandbox_next_link (server->base_url, SANDBOX_API_ROOT "/numberAssignments",
                                                 top, skip + top, filter);
      GString *member = g_string_new (",\"@odata.nextLink\":");

      sandbox_json_append_string (member, link);
      g_string_insert_len (out, next_link_at, member->str, member->len);
      g_string_free (member, TRUE);
    }

  sandbox_respond_gstring (msg, SOUP_STATUS_OK, out);
}

void
sandbox_numbers_handle_get (SandboxServer     *server,
                            SoupServerMessage *msg,
                            const char        *id)
{
  SandboxNumbers *self = server->numbers;
  g_autofree guint8 *raw = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint64 e164 = 0;
  gboolean found = FALSE;
  guint position = 0;
  gsize prefix_length = strlen (self->tenant_id);
  GString *entity;
  GString *out;

  raw = sandbox_base64url_decode (id, &length);
  if (raw != NULL)
    text = g_strndup ((const char *) raw, length);
  if (text != NULL
      && strncmp (text, self->tenant_id, prefix_length) == 0
      && text[prefix_length] == '|'
      && parse_e164 (text + prefix_length + 1, &e164))
    position = search (self, e164, &found);

  if (!found)
    {
      sandbox_respond_error (msg, SOUP_STATUS_NOT_FOUND, "itemNotFound",
                             "The numberAssignment was not found.");
      return;
    }

  entity = g_string_new (NULL);
  append_number (self, &g_array_index (self->numbers, SandboxNumber, position), entity);
  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"@odata.context\":\"%s/v1.0/$metadata#admin/teams/"
                               "telephoneNumberManagement/numberAssignments/$entity\",",
                          server->base_url);
  /* the entity's members, after its opening brace */
  g_string_append (out, entity->str + 1);
  g_string_free (entity, TRUE);
  sandbox_respond_gstring (msg, SOUP_STATUS_OK, out);
}
