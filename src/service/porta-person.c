/* porta-person.c — who a number is assigned to (Graph teamsUserConfiguration)
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An element of GET /admin/teams/userConfigurations: the Entra object id
 * a number's assignmentTargetId holds, the user principal name (always),
 * the display name when `$expand=user` brought it, and the account type.
 * Immutable. The lowercase search key ("name upn") is made once here, so
 * that the Voice page's keystroke matches without allocating.
 *
 * A tenant has tens of thousands of people (68,000 in
 * tests/bench/bench-voice), so the strings share one block, and what is
 * already written as the search key or the index's lowercase id is not
 * written again: a UPN in lower case is the key's tail, a lowercase id
 * (as Graph gives them) is its own key.
 */
#include <string.h>

#define G_LOG_DOMAIN "porta-person"

#include "config.h"

#include "porta-enum-types.h"
#include "porta-json.h"
#include "porta-person.h"

struct _PortaPerson
{
  GObject          parent_instance;

  /* all in @strings, one block, which begins with the search key */
  char            *strings;
  const char      *user_principal_name;
  const char      *display_name;
  guint32          id_offset;
  guint32          id_key_offset;   /* the id in lower case, for PortaPeople's index */
  PortaPersonType  type;
};

G_DEFINE_FINAL_TYPE (PortaPerson, porta_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_PRINCIPAL_NAME,
  PROP_DISPLAY_NAME,
  PROP_PERSON_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
porta_person_finalize (GObject *object)
{
  PortaPerson *self = (PortaPerson *)object;

  g_free (self->strings);

  G_OBJECT_CLASS (porta_person_parent_class)->finalize (object);
}

static void
porta_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PortaPerson *self = PORTA_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->strings + self->id_offset);
      break;
    case PROP_USER_PRINCIPAL_NAME:
      g_value_set_string (value, self->user_principal_name);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_PERSON_TYPE:
      g_value_set_enum (value, self->type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
porta_person_class_init (PortaPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = porta_person_finalize;
  object_class->get_property = porta_person_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_USER_PRINCIPAL_NAME] =
    g_param_spec_string ("user-principal-name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_PERSON_TYPE] =
    g_param_spec_enum ("person-type", NULL, NULL, PORTA_TYPE_PERSON_TYPE,
                       PORTA_PERSON_TYPE_UNKNOWN, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
porta_person_init (PortaPerson *self)
{
}

/**
 * porta_person_new:
 * @id: the Entra object id
 * @user_principal_name: the sign-in address
 * @display_name: (nullable): the name, when known
 * @type: the account type
 *
 * Returns: (transfer full): a new #PortaPerson
 */
PortaPerson *
porta_person_new (const char      *id,
                  const char      *user_principal_name,
                  const char      *display_name,
                  PortaPersonType  type)
{
  PortaPerson *self;
  g_autofree char *joined = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id_key = NULL;
  gsize key_len, id_len, upn_len, name_len;
  gboolean upn_in_key, id_is_key;
  char *p;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (user_principal_name != NULL, NULL);

  if (display_name != NULL && display_name[0] == '\0')
    display_name = NULL;
  joined = g_strconcat (display_name ? display_name : "", " ", user_principal_name, NULL);
  key = g_utf8_strdown (joined, -1);
  id_key = g_ascii_strdown (id, -1);
  key_len = strlen (key);
  id_len = strlen (id);
  upn_len = strlen (user_principal_name);
  name_len = display_name ? strlen (display_name) : 0;
  upn_in_key = key_len > upn_len && strcmp (key + key_len - upn_len, user_principal_name) == 0;
  id_is_key = strcmp (id, id_key) == 0;

  self = g_object_new (PORTA_TYPE_PERSON, NULL);
  self->type = type;
  self->strings = p = g_malloc (key_len + 1 + id_len + 1 +
                                (id_is_key ? 0 : id_len + 1) +
                                (upn_in_key ? 0 : upn_len + 1) +
                                (display_name ? name_len + 1 : 0));
  memcpy (p, key, key_len + 1);
  p += key_len + 1;
  self->id_offset = self->id_key_offset = (guint32) (p - self->strings);
  memcpy (p, id, id_len + 1);
  p += id_len + 1;
  if (!id_is_key)
    {
      self->id_key_offset = (guint32) (p - self->strings);
      memcpy (p, id_key, id_len + 1);
      p += id_len + 1;
    }
  self->user_principal_name = self->strings + key_len - upn_len;
  if (!upn_in_key)
    {
      self->user_principal_name = memcpy (p, user_principal_name, upn_len + 1);
      p += upn_len + 1;
    }
  if (display_name)
    self->display_name = memcpy (p, display_name, name_len + 1);
  return self;
}

/**
 * porta_person_new_from_json:
 * @object: one element of a userConfigurations `value`
 * @error: return location for a #GError, or %NULL
 *
 * Reads `id` and `userPrincipalName` (required: %PORTA_ERROR_INVALID_RESPONSE
 * naming the field), `accountType` (an unknown value is
 * %PORTA_PERSON_TYPE_UNKNOWN) and `user.displayName` when `$expand=user`
 * brought it.
 *
 * Returns: (transfer full) (nullable): a new #PortaPerson
 */
PortaPerson *
porta_person_new_from_json (JsonObject  *object,
                            GError     **error)
{
  const char *id;
  const char *upn;
  JsonObject *user;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(id = porta_json_get_string (object, "id", error)))
    return NULL;
  if (!(upn = porta_json_get_string (object, "userPrincipalName", error)))
    return NULL;
  user = porta_json_get_object_or_null (object, "user");

  return porta_person_new (id, upn, porta_json_get_string_or_null (user, "displayName"),
                           porta_person_type_from_string (porta_json_get_string_or_null (object,
                                                                                         "accountType")));
}

const char *
porta_person_get_id (PortaPerson *self)
{
  g_return_val_if_fail (PORTA_IS_PERSON (self), NULL);
  return self->strings + self->id_offset;
}

const char *
porta_person_get_user_principal_name (PortaPerson *self)
{
  g_return_val_if_fail (PORTA_IS_PERSON (self), NULL);
  return self->user_principal_name;
}

/**
 * porta_person_get_display_name:
 * @self: a #PortaPerson
 *
 * Returns: (transfer none) (nullable): the name, when the server gave it
 */
const char *
porta_person_get_display_name (PortaPerson *self)
{
  g_return_val_if_fail (PORTA_IS_PERSON (self), NULL);
  return self->display_name;
}

/**
 * porta_person_get_label:
 * @self: a #PortaPerson
 *
 * Returns: (transfer none): the display name, or the UPN when there is none
 */
const char *
porta_person_get_label (PortaPerson *self)
{
  g_return_val_if_fail (PORTA_IS_PERSON (self), NULL);
  return self->display_name ? self->display_name : self->user_principal_name;
}

PortaPersonType
porta_person_get_person_type (PortaPerson *self)
{
  g_return_val_if_fail (PORTA_IS_PERSON (self), PORTA_PERSON_TYPE_UNKNOWN);
  return self->type;
}

/**
 * porta_person_get_id_key:
 * @self: a #PortaPerson
 *
 * Returns: (transfer none): the id in ASCII lower case, as
 *   porta_people_index_lookup() compares ids
 */
const char *
porta_person_get_id_key (PortaPerson *self)
{
  g_return_val_if_fail (PORTA_IS_PERSON (self), NULL);
  return self->strings + self->id_key_offset;
}

/**
 * porta_person_get_search_key:
 * @self: a #PortaPerson
 *
 * Returns: (transfer none): "display name upn", lowercase, for matching
 */
const char *
porta_person_get_search_key (PortaPerson *self)
{
  g_return_val_if_fail (PORTA_IS_PERSON (self), NULL);
  return self->strings;
}
