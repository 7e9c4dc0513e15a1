/* sandbox-faults.c — injected failures, deterministic from the seed
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * --faults 'throttle=0.1,unavailable=0.05,latency=200,reset=0.02,truncate=0.02,malformed=0.02'
 *
 * Each API request draws one number from a generator seeded with --seed,
 * in the order requests arrive, and that number picks at most one fault:
 * the same seed and the same sequence of requests give the same faults.
 */
#define G_LOG_DOMAIN "porta-sandbox"

#include "config.h"

#include <string.h>

#include "sandbox-faults.h"

struct _SandboxFaults
{
  GRand  *rand;
  double  chance[SANDBOX_FAULT_MALFORMED + 1];
  guint   latency;
  guint   retry_after;
};

static const char * const fault_names[] = {
  NULL, "throttle", "unavailable", "reset", "truncate", "malformed",
};

const char *
sandbox_fault_nick (SandboxFault fault)
{
  return fault_names[fault];
}

SandboxFaults *
sandbox_faults_new (const char  *spec,
                    guint64      seed,
                    GError     **error)
{
  g_autofree SandboxFaults *self = g_new0 (SandboxFaults, 1);
  g_auto(GStrv) items = NULL;
  double total = 0;

  self->retry_after = 1;
  items = g_strsplit (spec ? spec : "", ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) pair = NULL;
      const char *key;
      char *end = NULL;
      double value;
      gboolean found = FALSE;

      g_strstrip (items[i]);
      if (items[i][0] == '\0')
        continue;
      pair = g_strsplit (items[i], "=", 2);
      if (pair[1] == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--faults: '%s' is not name=value", items[i]);
          return NULL;
        }
      key = g_strstrip (pair[0]);
      value = g_ascii_strtod (g_strstrip (pair[1]), &end);
      if (end == pair[1] || *end != '\0' || value < 0 || value != value)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--faults: '%s' is not a number of 0 or more", pair[1]);
          return NULL;
        }

      if (strcmp (key, "latency") == 0)
        {
          if (value > 60000)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--faults: latency is in milliseconds, at most 60000");
              return NULL;
            }
          self->latency = (guint) value;
          continue;
        }
      if (strcmp (key, "retryAfter") == 0)
        {
          if (value < 1 || value > 3600)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--faults: retryAfter is in seconds, 1 to 3600");
              return NULL;
            }
          self->retry_after = (guint) value;
          continue;
        }

      for (guint f = SANDBOX_FAULT_THROTTLE; f <= SANDBOX_FAULT_MALFORMED; f++)
        if (strcmp (key, fault_names[f]) == 0)
          {
            if (value > 1)
              {
                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             "--faults: %s is a chance, from 0 to 1", key);
                return NULL;
              }
            self->chance[f] = value;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--faults: unknown fault '%s' (throttle, unavailable, latency, reset, "
                       "truncate, malformed, retryAfter)", key);
          return NULL;
        }
    }

  for (guint f = SANDBOX_FAULT_THROTTLE; f <= SANDBOX_FAULT_MALFORMED; f++)
    total += self->chance[f];
  if (total > 1.0 + 1e-9)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--faults: the chances add up to more than 1");
      return NULL;
    }

  self->rand = g_rand_new_with_seed ((guint32) (seed ^ (seed >> 32) ^ 0xfa17u));
  return g_steal_pointer (&self);
}

void
sandbox_faults_free (SandboxFaults *self)
{
  if (self == NULL)
    return;
  g_rand_free (self->rand);
  g_free (self);
}

SandboxFault
sandbox_faults_next (SandboxFaults *self)
{
  double draw = g_rand_double (self->rand);
  double edge = 0;

  for (guint f = SANDBOX_FAULT_THROTTLE; f <= SANDBOX_FAULT_MALFORMED; f++)
    {
      edge += self->chance[f];
      if (draw < edge)
        return (SandboxFault) f;
    }
  return SANDBOX_FAULT_NONE;
}

guint
sandbox_faults_latency (SandboxFaults *self)
{
  return self->latency;
}

guint
sandbox_faults_retry_after (SandboxFaults *self)
{
  return self->retry_after;
}
