/* porta-phone-number.c — one of the tenant's phone numbers (Graph numberAssignment)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tenant can hold 100,000 numbers and more, all in memory at once for
 * the Voice page, whose getters run for every row on every search, sort
 * and scroll. So each number is small and its getters are plain loads:
 *
 *  - the strings unique to a number (id, telephoneNumber, its digits,
 *    assignmentTargetId) share one allocation, addressed by offsets;
 *  - the strings that repeat across numbers (operator, city, country,
 *    civic address, location, network site) are interned GRefStrings;
 *  - the string collections (capabilities, customer actions, reverse
 *    number lookup options) are interned as whole sets: a tenant has a
 *    handful of distinct combinations, not one array per number;
 *  - enumerations are bytes.
 *
 * tests/bench/bench-models.c measures what this costs.
 */
#define G_LOG_DOMAIN "porta-phone-number"

#include "config.h"

#include <string.h>

#include "porta-enum-types.h"
#include "porta-json.h"
#include "porta-phone-number.h"

#define NO_OFFSET G_MAXUINT32

/* An interned, immutable string collection. `key` must stay the first
 * member: the table below is keyed by a pointer to it, so that a lookup
 * can probe with a StrvKey on the stack. */
typedef struct
{
  const char *data;     /* the elements, each followed by its NUL */
  gsize       len;      /* bytes in data, NULs included */
} StrvKey;

typedef struct
{
  StrvKey  key;
  guint    ref_count;   /* under strv_sets_lock */
  char    *strv[];      /* NULL-terminated, pointing into key.data */
} StrvSet;

static GMutex strv_sets_lock;
static GHashTable *strv_sets;   /* StrvKey* → StrvSet*, the same pointer */
static const char * const empty_strv[] = { NULL };

static guint
strv_key_hash (gconstpointer data)
{
  const StrvKey *key = data;
  guint32 h = 2166136261u;   /* FNV-1a: the key holds NULs */

  for (gsize i = 0; i < key->len; i++)
    h = (h ^ (guint8) key->data[i]) * 16777619u;
  return h;
}

static gboolean
strv_key_equal (gconstpointer a,
                gconstpointer b)
{
  const StrvKey *ka = a;
  const StrvKey *kb = b;

  return ka->len == kb->len && memcmp (ka->data, kb->data, ka->len) == 0;
}

static StrvSet *
strv_set_intern (const StrvKey *probe,
                 guint          n_elements)
{
  StrvSet *set;

  g_mutex_lock (&strv_sets_lock);

  if (strv_sets == NULL)
    strv_sets = g_hash_table_new (strv_key_hash, strv_key_equal);

  set = g_hash_table_lookup (strv_sets, probe);
  if (set != NULL)
    {
      set->ref_count++;
    }
  else
    {
      gsize pointers = (n_elements + 1) * sizeof (char *);
      char *data;

      set = g_malloc (sizeof (StrvSet) + pointers + probe->len);
      data = (char *) set + sizeof (StrvSet) + pointers;
      memcpy (data, probe->data, probe->len);
      set->key.data = data;
      set->key.len = probe->len;
      set->ref_count = 1;
      for (guint i = 0; i < n_elements; i++)
        {
          set->strv[i] = data;
          data += strlen (data) + 1;
        }
      set->strv[n_elements] = NULL;
      g_hash_table_add (strv_sets, set);
    }

  g_mutex_unlock (&strv_sets_lock);

  return set;
}

static void
strv_set_release (StrvSet *set)
{
  if (set == NULL)
    return;

  g_mutex_lock (&strv_sets_lock);
  if (--set->ref_count == 0)
    {
      g_hash_table_remove (strv_sets, set);
      g_free (set);
    }
  g_mutex_unlock (&strv_sets_lock);
}

/* The string elements of an optional array member, interned as a set.
 * Absent, null, empty or odd arrays are an empty collection (NULL). */
static StrvSet *
strv_set_from_json (JsonObject *object,
                    const char *member)
{
  JsonArray *array = porta_json_get_array_or_null (object, member);
  char stack_buffer[256];
  g_autofree char *heap_buffer = NULL;
  char *buffer = stack_buffer;
  StrvKey probe;
  gsize len = 0;
  guint n_strings = 0;
  guint n;

  if (array == NULL || (n = json_array_get_length (array)) == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        len += strlen (json_node_get_string (element)) + 1;
    }
  if (len == 0)
    return NULL;

  if (len > sizeof stack_buffer)
    buffer = heap_buffer = g_malloc (len);

  len = 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (element);
          gsize l = strlen (s) + 1;

          memcpy (buffer + len, s, l);
          len += l;
          n_strings++;
        }
    }

  probe.data = buffer;
  probe.len = len;
  return strv_set_intern (&probe, n_strings);
}

static inline const char * const *
strv_set_get (StrvSet *set)
{
  return set != NULL ? (const char * const *) set->strv : empty_strv;
}

struct _PortaPhoneNumber
{
  GObject  parent_instance;

  /* id, telephoneNumber, digits (unless a suffix of telephoneNumber) and
   * assignmentTargetId, in one block; id is at offset 0 */
  char    *strings;
  guint32  telephone_number_offset;
  guint32  digits_offset;
  guint32  assignment_target_id_offset;   /* NO_OFFSET when null */
  /* which people @resolved_person is from (porta-number-query.c), 0 for
   * none yet; here, in what was padding, so that 100,000 numbers are no
   * larger for it: with @resolved_person the instance fits the same
   * malloc chunk as before */
  guint32  resolved_generation;

  /* interned GRefStrings, or NULL */
  char    *operator_id;
  char    *city;
  char    *civic_address_id;
  char    *iso_country_code;
  char    *location_id;
  char    *network_site_id;

  StrvSet *capabilities;
  StrvSet *supported_customer_actions;
  StrvSet *reverse_number_lookup_options;

  guint8   number_type;
  guint8   activation_state;
  guint8   assignment_status;
  guint8   assignment_category;
  guint8   port_in_status;
  guint8   number_source;
  guint8   target_is_hex;   /* assignmentTargetId is all hex digits and dashes */

  gpointer resolved_person;   /* who assignmentTargetId is, in @resolved_generation */
};

G_DEFINE_FINAL_TYPE (PortaPhoneNumber, porta_phone_number, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TELEPHONE_NUMBER,
  PROP_OPERATOR_ID,
  PROP_NUMBER_TYPE,
  PROP_ACTIVATION_STATE,
  PROP_CAPABILITIES,
  PROP_ASSIGNMENT_STATUS,
  PROP_ASSIGNMENT_CATEGORY,
  PROP_ASSIGNMENT_TARGET_ID,
  PROP_PORT_IN_STATUS,
  PROP_NUMBER_SOURCE,
  PROP_SUPPORTED_CUSTOMER_ACTIONS,
  PROP_REVERSE_NUMBER_LOOKUP_OPTIONS,
  PROP_CITY,
  PROP_CIVIC_ADDRESS_ID,
  PROP_ISO_COUNTRY_CODE,
  PROP_LOCATION_ID,
  PROP_NETWORK_SITE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GLib 2.74's interned GRefStrings race between threads: a string whose
 * last reference is being released on one thread is still in GLib's
 * table for a moment, where g_ref_string_new_intern() on another finds
 * it and takes a reference from zero — a critical, then a string freed
 * under its new owner. The client parses pages in worker threads while
 * the page drops the numbers of a refresh, and tests/test-models
 * (/models/phone-number/threads) hit it about one run in forty. Every
 * intern, and every release of an interned string, takes this lock:
 * a string's last release and its removal from the table then happen
 * before anyone can look for it again. */
static GMutex interned_lock;

static char *
intern_string (const char *string)
{
  char *interned;

  g_mutex_lock (&interned_lock);
  interned = g_ref_string_new_intern (string);
  g_mutex_unlock (&interned_lock);
  return interned;
}

/**
 * porta_interned_string_release:
 * @string: (nullable): an interned string of a #PortaPhoneNumber (its
 *   city, country code…), or another reference to one
 *
 * Releases a reference to it: what g_ref_string_release() does, safely
 * against another thread interning the same string.
 */
void
porta_interned_string_release (char *string)
{
  if (string == NULL)
    return;
  g_mutex_lock (&interned_lock);
  g_ref_string_release (string);
  g_mutex_unlock (&interned_lock);
}

static void
porta_phone_number_finalize (GObject *object)
{
  PortaPhoneNumber *self = (PortaPhoneNumber *)object;

  g_free (self->strings);
  g_clear_pointer (&self->operator_id, porta_interned_string_release);
  g_clear_pointer (&self->city, porta_interned_string_release);
  g_clear_pointer (&self->civic_address_id, porta_interned_string_release);
  g_clear_pointer (&self->iso_country_code, porta_interned_string_release);
  g_clear_pointer (&self->location_id, porta_interned_string_release);
  g_clear_pointer (&self->network_site_id, porta_interned_string_release);
  strv_set_release (self->capabilities);
  strv_set_release (self->supported_customer_actions);
  strv_set_release (self->reverse_number_lookup_options);

  G_OBJECT_CLASS (porta_phone_number_parent_class)->finalize (object);
}

static void
porta_phone_number_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PortaPhoneNumber *self = PORTA_PHONE_NUMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, porta_phone_number_get_id (self));
      break;
    case PROP_TELEPHONE_NUMBER:
      g_value_set_string (value, porta_phone_number_get_telephone_number (self));
      break;
    case PROP_OPERATOR_ID:
      g_value_set_string (value, self->operator_id);
      break;
    case PROP_NUMBER_TYPE:
      g_value_set_enum (value, self->number_type);
      break;
    case PROP_ACTIVATION_STATE:
      g_value_set_enum (value, self->activation_state);
      break;
    case PROP_CAPABILITIES:
      g_value_set_boxed (value, strv_set_get (self->capabilities));
      break;
    case PROP_ASSIGNMENT_STATUS:
      g_value_set_enum (value, self->assignment_status);
      break;
    case PROP_ASSIGNMENT_CATEGORY:
      g_value_set_enum (value, self->assignment_category);
      break;
    case PROP_ASSIGNMENT_TARGET_ID:
      g_value_set_string (value, porta_phone_number_get_assignment_target_id (self));
      break;
    case PROP_PORT_IN_STATUS:
      g_value_set_enum (value, self->port_in_status);
      break;
    case PROP_NUMBER_SOURCE:
      g_value_set_enum (value, self->number_source);
      break;
    case PROP_SUPPORTED_CUSTOMER_ACTIONS:
      g_value_set_boxed (value, strv_set_get (self->supported_customer_actions));
      break;
    case PROP_REVERSE_NUMBER_LOOKUP_OPTIONS:
      g_value_set_boxed (value, strv_set_get (self->reverse_number_lookup_options));
      break;
    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case PROP_CIVIC_ADDRESS_ID:
      g_value_set_string (value, self->civic_address_id);
      break;
    case PROP_ISO_COUNTRY_CODE:
      g_value_set_string (value, self->iso_country_code);
      break;
    case PROP_LOCATION_ID:
      g_value_set_string (value, self->location_id);
      break;
    case PROP_NETWORK_SITE_ID:
      g_value_set_string (value, self->network_site_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
strv_property (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
enum_property (const char *name,
               GType       type,
               int         default_value)
{
  return g_param_spec_enum (name, NULL, NULL, type, default_value,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
porta_phone_number_class_init (PortaPhoneNumberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porta_phone_number_finalize;
  object_class->get_property = porta_phone_number_get_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_TELEPHONE_NUMBER] = string_property ("telephone-number");
  properties[PROP_OPERATOR_ID] = string_property ("operator-id");
  properties[PROP_NUMBER_TYPE] =
    enum_property ("number-type", PORTA_TYPE_NUMBER_TYPE, PORTA_NUMBER_TYPE_UNKNOWN);
  properties[PROP_ACTIVATION_STATE] =
    enum_property ("activation-state", PORTA_TYPE_ACTIVATION_STATE, PORTA_ACTIVATION_STATE_UNKNOWN);
  properties[PROP_CAPABILITIES] = strv_property ("capabilities");
  properties[PROP_ASSIGNMENT_STATUS] =
    enum_property ("assignment-status", PORTA_TYPE_ASSIGNMENT_STATUS, PORTA_ASSIGNMENT_STATUS_UNKNOWN);
  properties[PROP_ASSIGNMENT_CATEGORY] =
    enum_property ("assignment-category", PORTA_TYPE_ASSIGNMENT_CATEGORY, PORTA_ASSIGNMENT_CATEGORY_NONE);
  properties[PROP_ASSIGNMENT_TARGET_ID] = string_property ("assignment-target-id");
  properties[PROP_PORT_IN_STATUS] =
    enum_property ("port-in-status", PORTA_TYPE_PORT_IN_STATUS, PORTA_PORT_IN_STATUS_NONE);
  properties[PROP_NUMBER_SOURCE] =
    enum_property ("number-source", PORTA_TYPE_NUMBER_SOURCE, PORTA_NUMBER_SOURCE_UNKNOWN);
  properties[PROP_SUPPORTED_CUSTOMER_ACTIONS] = strv_property ("supported-customer-actions");
  properties[PROP_REVERSE_NUMBER_LOOKUP_OPTIONS] = strv_property ("reverse-number-lookup-options");
  properties[PROP_CITY] = string_property ("city");
  properties[PROP_CIVIC_ADDRESS_ID] = string_property ("civic-address-id");
  properties[PROP_ISO_COUNTRY_CODE] = string_property ("iso-country-code");
  properties[PROP_LOCATION_ID] = string_property ("location-id");
  properties[PROP_NETWORK_SITE_ID] = string_property ("network-site-id");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_phone_number_init (PortaPhoneNumber *self)
{
  self->assignment_target_id_offset = NO_OFFSET;
}

static char *
intern_or_null (JsonObject *object,
                const char *member)
{
  const char *s = porta_json_get_string_or_null (object, member);

  return s != NULL ? intern_string (s) : NULL;
}

/**
 * porta_phone_number_new_from_json:
 * @object: one element of a numberAssignments `value`, or a single one
 * @error: return location for a #GError, or %NULL
 *
 * Reads a Microsoft Graph numberAssignment. `id` and `telephoneNumber` are
 * required (a missing or empty one is %PORTA_ERROR_INVALID_RESPONSE naming
 * it); everything else may be null or absent, an enumeration value Porta
 * does not know becomes …_UNKNOWN, and unknown members are ignored.
 * Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): a new #PortaPhoneNumber
 */
PortaPhoneNumber *
porta_phone_number_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(PortaPhoneNumber) self = NULL;
  const char *id;
  const char *telephone_number;
  const char *target;
  gsize id_len, tel_len, digits_len = 0, target_len = 0, total;
  gboolean digits_are_suffix = TRUE;
  char *p;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(id = porta_json_get_string (object, "id", error)))
    return NULL;
  if (id[0] == '\0')
    {
      porta_json_set_missing_error (error, "id");
      return NULL;
    }
  if (!(telephone_number = porta_json_get_string (object, "telephoneNumber", error)))
    return NULL;
  if (telephone_number[0] == '\0')
    {
      porta_json_set_missing_error (error, "telephoneNumber");
      return NULL;
    }

  /* Graph always writes a '+' and digits, so the digits are usually the
   * rest of the number itself; anything else (an extension, spaces) gets
   * its own copy of just the digits. */
  tel_len = strlen (telephone_number);
  for (gsize i = 0; i < tel_len; i++)
    {
      if (g_ascii_isdigit (telephone_number[i]))
        digits_len++;
      else if (i > 0 || telephone_number[i] != '+')
        digits_are_suffix = FALSE;
    }

  id_len = strlen (id);
  target = porta_json_get_string_or_null (object, "assignmentTargetId");
  if (target != NULL)
    target_len = strlen (target);

  total = id_len + 1 + tel_len + 1
          + (digits_are_suffix ? 0 : digits_len + 1)
          + (target != NULL ? target_len + 1 : 0);
  if (total >= NO_OFFSET)
    {
      porta_json_set_invalid_error (error, "id");
      return NULL;
    }

  self = g_object_new (PORTA_TYPE_PHONE_NUMBER, NULL);
  p = self->strings = g_malloc (total);

  memcpy (p, id, id_len + 1);
  p += id_len + 1;

  self->telephone_number_offset = (guint32) (p - self->strings);
  memcpy (p, telephone_number, tel_len + 1);
  p += tel_len + 1;

  if (digits_are_suffix)
    {
      self->digits_offset = self->telephone_number_offset + (telephone_number[0] == '+' ? 1 : 0);
    }
  else
    {
      self->digits_offset = (guint32) (p - self->strings);
      for (const char *t = telephone_number; *t != '\0'; t++)
        {
          if (g_ascii_isdigit (*t))
            *p++ = *t;
        }
      *p++ = '\0';
    }

  if (target != NULL)
    {
      self->assignment_target_id_offset = (guint32) (p - self->strings);
      memcpy (p, target, target_len + 1);
      p += target_len + 1;
      self->target_is_hex = strspn (target, "0123456789abcdefABCDEF-") == target_len;
    }
  g_assert ((gsize) (p - self->strings) == total);

  self->operator_id = intern_or_null (object, "operatorId");
  self->city = intern_or_null (object, "city");
  self->civic_address_id = intern_or_null (object, "civicAddressId");
  self->iso_country_code = intern_or_null (object, "isoCountryCode");
  self->location_id = intern_or_null (object, "locationId");
  self->network_site_id = intern_or_null (object, "networkSiteId");

  self->capabilities = strv_set_from_json (object, "capabilities");
  self->supported_customer_actions = strv_set_from_json (object, "supportedCustomerActions");
  self->reverse_number_lookup_options = strv_set_from_json (object, "reverseNumberLookupOptions");

  self->number_type =
    porta_number_type_from_string (porta_json_get_string_or_null (object, "numberType"));
  self->activation_state =
    porta_activation_state_from_string (porta_json_get_string_or_null (object, "activationState"));
  self->assignment_status =
    porta_assignment_status_from_string (porta_json_get_string_or_null (object, "assignmentStatus"));
  self->assignment_category =
    porta_assignment_category_from_string (porta_json_get_string_or_null (object, "assignmentCategory"));
  self->port_in_status =
    porta_port_in_status_from_string (porta_json_get_string_or_null (object, "portInStatus"));
  self->number_source =
    porta_number_source_from_string (porta_json_get_string_or_null (object, "numberSource"));

  return g_steal_pointer (&self);
}

/**
 * porta_phone_number_get_id:
 * @self: a #PortaPhoneNumber
 *
 * Returns: (transfer none): the number's Graph id, never %NULL
 */
const char *
porta_phone_number_get_id (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->strings;
}

/**
 * porta_phone_number_get_telephone_number:
 * @self: a #PortaPhoneNumber
 *
 * Returns: (transfer none): the number as the server wrote it, normally
 *   E.164 such as `+12065550100`; never %NULL
 */
const char *
porta_phone_number_get_telephone_number (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->strings + self->telephone_number_offset;
}

/**
 * porta_phone_number_get_digits:
 * @self: a #PortaPhoneNumber
 *
 * The digits of the telephone number and nothing else (`12065550100`),
 * worked out once, for searching as a person types.
 *
 * Returns: (transfer none): the digits, possibly empty, never %NULL
 */
const char *
porta_phone_number_get_digits (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->strings + self->digits_offset;
}

/**
 * porta_phone_number_get_operator_id:
 * @self: a #PortaPhoneNumber
 *
 * Returns: (transfer none) (nullable): the operator's id
 */
const char *
porta_phone_number_get_operator_id (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->operator_id;
}

PortaNumberType
porta_phone_number_get_number_type (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), PORTA_NUMBER_TYPE_UNKNOWN);
  return self->number_type;
}

PortaActivationState
porta_phone_number_get_activation_state (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), PORTA_ACTIVATION_STATE_UNKNOWN);
  return self->activation_state;
}

/**
 * porta_phone_number_get_capabilities:
 * @self: a #PortaPhoneNumber
 *
 * Returns: (transfer none) (array zero-terminated=1): the Graph
 *   `capabilities`, such as `userAssignment`; empty, never %NULL
 */
const char * const *
porta_phone_number_get_capabilities (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), empty_strv);
  return strv_set_get (self->capabilities);
}

/**
 * porta_phone_number_has_capability:
 * @self: a #PortaPhoneNumber
 * @capability: a Graph capability, such as `userAssignment`
 *
 * Returns: whether @capability is among the number's capabilities
 */
gboolean
porta_phone_number_has_capability (PortaPhoneNumber *self,
                                   const char       *capability)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), FALSE);
  g_return_val_if_fail (capability != NULL, FALSE);
  return g_strv_contains (strv_set_get (self->capabilities), capability);
}

PortaAssignmentStatus
porta_phone_number_get_assignment_status (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), PORTA_ASSIGNMENT_STATUS_UNKNOWN);
  return self->assignment_status;
}

PortaAssignmentCategory
porta_phone_number_get_assignment_category (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), PORTA_ASSIGNMENT_CATEGORY_NONE);
  return self->assignment_category;
}

/**
 * porta_phone_number_get_target_is_hex:
 * @self: a #PortaPhoneNumber
 *
 * Whether the assignment target id is made of hexadecimal digits and
 * dashes only, as a GUID: a search with any other letter cannot be in
 * it (porta-number-query.c asks, 100,000 times a keystroke).
 *
 * Returns: %TRUE if there is an id and it is
 */
gboolean
porta_phone_number_get_target_is_hex (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), FALSE);
  return self->target_is_hex;
}

/**
 * porta_phone_number_get_resolved_person:
 * @self: a phone number
 * @generation: which people (not 0)
 * @person: (out) (transfer none) (nullable): who the assignee is in them
 *
 * What porta_phone_number_set_resolved_person() kept, so that a search
 * looks the assignee up once per set of people, not once per keystroke.
 * Not locked: only the threads of one search touch it, each number in
 * one of them (porta-filter-model.c).
 *
 * Returns: whether the assignee was looked up in @generation
 */
gboolean
porta_phone_number_get_resolved_person (PortaPhoneNumber *self,
                                        guint32           generation,
                                        gpointer         *person)
{
  if (self->resolved_generation != generation)
    return FALSE;
  *person = self->resolved_person;
  return TRUE;
}

/**
 * porta_phone_number_set_resolved_person:
 * @self: a phone number
 * @generation: which people (not 0)
 * @person: (nullable): who the assignee is in them, not held: whoever
 *   asks with @generation holds the people
 */
void
porta_phone_number_set_resolved_person (PortaPhoneNumber *self,
                                        guint32           generation,
                                        gpointer          person)
{
  self->resolved_generation = generation;
  self->resolved_person = person;
}

/**
 * porta_phone_number_get_assignment_target_id:
 * @self: a #PortaPhoneNumber
 *
 * Returns: (transfer none) (nullable): the id of the user, resource account
 *   or policy instance the number is assigned to
 */
const char *
porta_phone_number_get_assignment_target_id (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  if (self->assignment_target_id_offset == NO_OFFSET)
    return NULL;
  return self->strings + self->assignment_target_id_offset;
}

PortaPortInStatus
porta_phone_number_get_port_in_status (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), PORTA_PORT_IN_STATUS_NONE);
  return self->port_in_status;
}

PortaNumberSource
porta_phone_number_get_number_source (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), PORTA_NUMBER_SOURCE_UNKNOWN);
  return self->number_source;
}

/**
 * porta_phone_number_get_supported_customer_actions:
 * @self: a #PortaPhoneNumber
 *
 * Returns: (transfer none) (array zero-terminated=1): the Graph
 *   `supportedCustomerActions`; empty, never %NULL
 */
const char * const *
porta_phone_number_get_supported_customer_actions (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), empty_strv);
  return strv_set_get (self->supported_customer_actions);
}

/**
 * porta_phone_number_get_reverse_number_lookup_options:
 * @self: a #PortaPhoneNumber
 *
 * Returns: (transfer none) (array zero-terminated=1): the Graph
 *   `reverseNumberLookupOptions`; empty, never %NULL
 */
const char * const *
porta_phone_number_get_reverse_number_lookup_options (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), empty_strv);
  return strv_set_get (self->reverse_number_lookup_options);
}

const char *
porta_phone_number_get_city (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->city;
}

const char *
porta_phone_number_get_civic_address_id (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->civic_address_id;
}

const char *
porta_phone_number_get_iso_country_code (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->iso_country_code;
}

const char *
porta_phone_number_get_location_id (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->location_id;
}

const char *
porta_phone_number_get_network_site_id (PortaPhoneNumber *self)
{
  g_return_val_if_fail (PORTA_IS_PHONE_NUMBER (self), NULL);
  return self->network_site_id;
}

/* ---- Display formatting ------------------------------------------------ */

/* Country codes (ITU-T E.164 assigned list). They form a prefix code:
 * no code is the start of another, so the first match by length is the
 * longest one. 1 and 7 are the only one-digit codes. */
static const char two_digit_codes[][3] = {
  "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45",
  "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
  "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94",
  "95", "98",
};

static const char three_digit_codes[][4] = {
  "211", "212", "213", "216", "218", "220", "221", "222", "223", "224", "225", "226",
  "227", "228", "229", "230", "231", "232", "233", "234", "235", "236", "237", "238",
  "239", "240", "241", "242", "243", "244", "245", "246", "247", "248", "249", "250",
  "251", "252", "253", "254", "255", "256", "257", "258", "260", "261", "262", "263",
  "264", "265", "266", "267", "268", "269", "290", "291", "297", "298", "299", "350",
  "351", "352", "353", "354", "355", "356", "357", "358", "359", "370", "371", "372",
  "373", "374", "375", "376", "377", "378", "379", "380", "381", "382", "383", "385",
  "386", "387", "389", "420", "421", "423", "500", "501", "502", "503", "504", "505",
  "506", "507", "508", "509", "590", "591", "592", "593", "594", "595", "596", "597",
  "598", "599", "670", "672", "673", "674", "675", "676", "677", "678", "679", "680",
  "681", "682", "683", "685", "686", "687", "688", "689", "690", "691", "692", "800",
  "808", "850", "852", "853", "855", "856", "870", "878", "880", "881", "882", "883",
  "886", "888", "960", "961", "962", "963", "964", "965", "966", "967", "968", "970",
  "971", "972", "973", "974", "975", "976", "977", "979", "992", "993", "994", "995",
  "996", "998",
};

static guint
country_code_length (const char *digits,
                     gsize       n_digits)
{
  if (n_digits >= 1 && (digits[0] == '1' || digits[0] == '7'))
    return 1;

  if (n_digits >= 2)
    {
      for (guint i = 0; i < G_N_ELEMENTS (two_digit_codes); i++)
        {
          if (memcmp (digits, two_digit_codes[i], 2) == 0)
            return 2;
        }
    }

  if (n_digits >= 3)
    {
      for (guint i = 0; i < G_N_ELEMENTS (three_digit_codes); i++)
        {
          if (memcmp (digits, three_digit_codes[i], 3) == 0)
            return 3;
        }
    }

  return 0;
}

#define MAX_GROUPS 8

typedef struct
{
  guint8 len[MAX_GROUPS];
  guint  n;
} Groups;

static gboolean
groups_set (Groups *groups,
            gsize   n_digits,
            guint   n,
            ...)
{
  va_list args;
  gsize sum = 0;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      groups->len[i] = (guint8) va_arg (args, int);
      sum += groups->len[i];
    }
  va_end (args);

  groups->n = n;
  g_assert (sum == n_digits);
  return TRUE;
}

/* Groups of three and four, the longer ones last: 3 3 4, 4 4, 3 4 4. */
static void
groups_generic (Groups *groups,
                gsize   n_digits,
                gsize   start)
{
  gsize remaining = n_digits - start;
  guint n, base, extra;

  if (remaining == 0)
    return;
  if (remaining <= 4)
    {
      groups->len[groups->n++] = (guint8) remaining;
      return;
    }

  n = (remaining + 3) / 4;
  base = remaining / n;
  extra = remaining % n;
  for (guint i = 0; i < n; i++)
    groups->len[groups->n++] = (guint8) (base + (i >= n - extra ? 1 : 0));
}

static gboolean
has_prefix_in (const char         *national,
               const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      if (g_str_has_prefix (national, prefixes[i]))
        return TRUE;
    }
  return FALSE;
}

/* Italy: Milan 02 and Rome 06 have two-digit area codes, these big cities
 * three, everything else four; mobiles start with 3. */
static gboolean
groups_italy (Groups     *groups,
              const char *national,
              gsize       n)
{
  static const char * const three_digit_areas[] = {
    "010", "011", "015", "019", "030", "031", "035", "039", "040", "041", "045", "049",
    "050", "051", "055", "059", "070", "071", "075", "079", "080", "081", "085", "089",
    "090", "091", "095", "099", NULL
  };
  gsize area, subscriber;

  if (national[0] == '3')
    {
      if (n == 10)
        return groups_set (groups, n, 3, 3, 3, 4);
      if (n == 9)
        return groups_set (groups, n, 3, 3, 3, 3);
      return FALSE;
    }

  if (national[0] == '8' && n >= 6 && n <= 10)
    {
      groups->len[groups->n++] = 3;
      groups_generic (groups, n, 3);
      return TRUE;
    }

  if (national[0] != '0' || n < 6 || n > 11)
    return FALSE;

  if (national[1] == '2' || national[1] == '6')
    area = 2;
  else if (has_prefix_in (national, three_digit_areas))
    area = 3;
  else
    area = 4;

  groups->len[groups->n++] = (guint8) area;
  subscriber = n - area;
  switch (subscriber)
    {
    case 8:
      groups->len[groups->n++] = 4;
      groups->len[groups->n++] = 4;
      break;
    case 7:
      groups->len[groups->n++] = 3;
      groups->len[groups->n++] = 4;
      break;
    case 6:
      groups->len[groups->n++] = 3;
      groups->len[groups->n++] = 3;
      break;
    default:
      groups_generic (groups, n, area);
      break;
    }
  return TRUE;
}

/* United Kingdom, ten-digit national numbers: 20 7946 0958 (London and
 * the other 2x areas), 161 496 0000 (1x1 and 11x areas), 1632 960000,
 * 7700 900000 (mobiles), 800 123 4567. */
static gboolean
groups_uk (Groups     *groups,
           const char *national,
           gsize       n)
{
  if (n != 10)
    return FALSE;

  switch (national[0])
    {
    case '2':
      return groups_set (groups, n, 3, 2, 4, 4);
    case '7':
      return groups_set (groups, n, 2, 4, 6);
    case '1':
      if (national[1] == '1' || national[2] == '1')
        return groups_set (groups, n, 3, 3, 3, 4);
      return groups_set (groups, n, 2, 4, 6);
    case '3':
    case '5':
    case '8':
    case '9':
      return groups_set (groups, n, 3, 3, 3, 4);
    default:
      return FALSE;
    }
}

/* Germany writes the subscriber number as one block (DIN 5008): the area
 * code is what needs marking. Berlin, Hamburg, Frankfurt and Munich have
 * two digits; most three-digit codes end in 1; the rest are longer, and
 * four digits is the usual case among them. Mobiles: 15x, 16x, 17x. */
static gboolean
groups_germany (Groups     *groups,
                const char *national,
                gsize       n)
{
  static const char * const two_digit_areas[] = { "30", "40", "69", "89", NULL };
  static const char * const three_digit_areas[] = {
    "202", "203", "208", "209", "212", "214", "228", "234", "335", "340", "345", "365",
    "375", "385", "395", NULL
  };
  gsize area;

  if (n < 6 || n > 13)
    return FALSE;

  if (has_prefix_in (national, two_digit_areas))
    area = 2;
  else if (national[0] == '1' && national[1] >= '5' && national[1] <= '7')
    area = 3;
  else if (national[2] == '1' || has_prefix_in (national, three_digit_areas))
    area = 3;
  else
    area = 4;

  groups->len[groups->n++] = (guint8) area;
  if (n - area <= 8)
    groups->len[groups->n++] = (guint8) (n - area);
  else
    groups_generic (groups, n, area);   /* longer than any real one: keep it readable */
  return TRUE;
}

/* The Netherlands, nine digits: 20 123 4567 for the two-digit areas,
 * 6 1234 5678 for mobiles, 123 456 789 otherwise. */
static gboolean
groups_netherlands (Groups     *groups,
                    const char *national,
                    gsize       n)
{
  static const char * const two_digit_areas[] = {
    "10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43",
    "45", "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77",
    "78", "79", NULL
  };

  if (n != 9)
    return FALSE;
  if (national[0] == '6')
    return groups_set (groups, n, 3, 1, 4, 4);
  if (has_prefix_in (national, two_digit_areas))
    return groups_set (groups, n, 3, 2, 3, 4);
  return groups_set (groups, n, 3, 3, 3, 3);
}

static void
national_groups (Groups     *groups,
                 const char *country_code,
                 const char *national,
                 gsize       n)
{
  gboolean done = FALSE;

  groups->n = 0;

  if (strcmp (country_code, "1") == 0)
    done = n == 10 && groups_set (groups, n, 3, 3, 3, 4);
  else if (strcmp (country_code, "7") == 0)
    done = n == 10 && groups_set (groups, n, 4, 3, 3, 2, 2);
  else if (strcmp (country_code, "31") == 0)
    done = groups_netherlands (groups, national, n);
  else if (strcmp (country_code, "33") == 0)
    done = n == 9 && groups_set (groups, n, 5, 1, 2, 2, 2, 2);
  else if (strcmp (country_code, "34") == 0)
    done = n == 9 && groups_set (groups, n, 3, 3, 3, 3);
  else if (strcmp (country_code, "39") == 0)
    done = groups_italy (groups, national, n);
  else if (strcmp (country_code, "44") == 0)
    done = groups_uk (groups, national, n);
  else if (strcmp (country_code, "49") == 0)
    done = groups_germany (groups, national, n);

  if (!done)
    {
      groups->n = 0;
      groups_generic (groups, n, 0);
    }
}

/**
 * porta_phone_number_format_e164:
 * @e164: (nullable): a number in E.164 form, such as `+390212345678`
 *
 * Groups the digits of an E.164 number for reading: the country code
 * first, then the national number as people in that country write it
 * (`+39 02 1234 5678`, `+1 206 555 0100`, `+44 20 7946 0958`), or in
 * groups of three and four for countries without a rule here. Anything
 * after a `;` (such as `;ext=123`) is kept as it is.
 *
 * Input that is not a `+` followed by 3 to 15 digits of an assigned
 * country code is returned unchanged: this never drops a character.
 *
 * Returns: (transfer full) (nullable): the number for display, or %NULL
 *   for %NULL
 */
char *
porta_phone_number_format_e164 (const char *e164)
{
  const char *suffix;
  const char *digits;
  gsize n_digits;
  guint cc_len;
  char country_code[4];
  Groups groups;
  GString *out;
  gsize pos;

  if (e164 == NULL)
    return NULL;
  if (e164[0] != '+')
    return g_strdup (e164);

  digits = e164 + 1;
  suffix = strchr (digits, ';');
  n_digits = suffix != NULL ? (gsize) (suffix - digits) : strlen (digits);

  if (n_digits < 3 || n_digits > 15)
    return g_strdup (e164);
  for (gsize i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        return g_strdup (e164);
    }

  cc_len = country_code_length (digits, n_digits);
  if (cc_len == 0 || n_digits - cc_len < 2)
    return g_strdup (e164);

  memcpy (country_code, digits, cc_len);
  country_code[cc_len] = '\0';

  {
    /* The national rules look at a few leading digits as a string */
    char national[16];

    memcpy (national, digits + cc_len, n_digits - cc_len);
    national[n_digits - cc_len] = '\0';
    national_groups (&groups, country_code, national, n_digits - cc_len);
  }

  out = g_string_sized_new (n_digits + 8 + (suffix != NULL ? strlen (suffix) : 0));
  g_string_append_c (out, '+');
  g_string_append (out, country_code);
  pos = cc_len;
  for (guint i = 0; i < groups.n; i++)
    {
      g_string_append_c (out, ' ');
      g_string_append_len (out, digits + pos, groups.len[i]);
      pos += groups.len[i];
    }
  g_assert (pos == n_digits);

  if (suffix != NULL)
    g_string_append (out, suffix);

  return g_string_free (out, FALSE);
}
