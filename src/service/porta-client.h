/* porta-client.h — the admin API client
 *
 * Copyright 2026 The Porta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "porta-account.h"
#include "porta-auth.h"
#include "porta-enums.h"
#include "porta-pin-status.h"
#include "porta-port-order.h"
#include "porta-phone-number.h"

G_BEGIN_DECLS

/**
 * PortaProgressFunc:
 * @loaded: how many items have arrived so far
 * @user_data: data given with the function
 *
 * Called on the main context after each page arrives.
 */
typedef void (*PortaProgressFunc) (guint    loaded,
                                   gpointer user_data);

/**
 * PortaNewPortOrder:
 * @display_name: a name for the order
 * @telephone_numbers: the numbers to bring in, E.164
 * @carrier_name: the current (losing) carrier
 * @account_number: the organization's account number at that carrier
 * @billing_telephone_number: the billing telephone number at that carrier
 * @carrier_pin: (nullable): the PIN at the current carrier; wiped after use
 * @requested_foc_date_time: the requested transfer date
 * @authorized_by: the person who authorizes the transfer
 *
 * What a new port-in order needs.
 */
typedef struct
{
  const char         *display_name;
  const char * const *telephone_numbers;
  const char         *carrier_name;
  const char         *account_number;
  const char         *billing_telephone_number;
  const char         *carrier_pin;
  GDateTime          *requested_foc_date_time;
  const char         *authorized_by;
} PortaNewPortOrder;

#define PORTA_TYPE_CLIENT (porta_client_get_type ())

G_DECLARE_FINAL_TYPE (PortaClient, porta_client, PORTA, CLIENT, GObject)

PortaClient    *porta_client_new                        (PortaAccount            *account,
                                                         SoupSession             *session);
PortaAccount   *porta_client_get_account                (PortaClient             *self);
PortaAuth      *porta_client_get_auth                   (PortaClient             *self);
void            porta_client_set_tokens                 (PortaClient             *self,
                                                         const PortaTokens       *tokens);
void            porta_client_set_refresh_token          (PortaClient             *self,
                                                         const char              *refresh_token);
char           *porta_client_dup_refresh_token          (PortaClient             *self);
gboolean        porta_client_has_credentials            (PortaClient             *self);
void            porta_client_forget_credentials         (PortaClient             *self);
void            porta_client_set_retry_policy           (PortaClient             *self,
                                                         guint                    max_attempts,
                                                         guint                    max_total_ms,
                                                         guint                    base_delay_ms);

PortaCapability porta_client_get_capability             (PortaClient             *self,
                                                         PortaFeature             feature);
void            porta_client_probe_capabilities_async   (PortaClient             *self,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
gboolean        porta_client_probe_capabilities_finish  (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_list_numbers_async         (PortaClient             *self,
                                                         const char              *filter,
                                                         GListStore              *store,
                                                         PortaProgressFunc        progress,
                                                         gpointer                 progress_data,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
gboolean        porta_client_list_numbers_finish        (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_list_people_async          (PortaClient             *self,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
GPtrArray      *porta_client_list_people_finish         (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_get_number_async           (PortaClient             *self,
                                                         const char              *id,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
PortaPhoneNumber *porta_client_get_number_finish        (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_list_port_orders_async     (PortaClient             *self,
                                                         const char              *filter,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
GPtrArray      *porta_client_list_port_orders_finish    (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_get_port_order_async       (PortaClient             *self,
                                                         const char              *id,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
PortaPortOrder *porta_client_get_port_order_finish      (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_create_port_order_async    (PortaClient             *self,
                                                         const PortaNewPortOrder *order,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
PortaPortOrder *porta_client_create_port_order_finish   (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_cancel_port_order_async    (PortaClient             *self,
                                                         const char              *id,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
PortaPortOrder *porta_client_cancel_port_order_finish   (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_set_foc_date_async         (PortaClient             *self,
                                                         const char              *id,
                                                         GDateTime               *requested_foc_date_time,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
PortaPortOrder *porta_client_set_foc_date_finish        (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_get_pin_status_async       (PortaClient             *self,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
PortaPinStatus *porta_client_get_pin_status_finish      (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_set_pin_async              (PortaClient             *self,
                                                         const char              *pin,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
gboolean        porta_client_set_pin_finish             (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_reveal_pin_async           (PortaClient             *self,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
char           *porta_client_reveal_pin_finish          (PortaClient             *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

void            porta_client_list_pin_audit_events_async  (PortaClient           *self,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
GPtrArray      *porta_client_list_pin_audit_events_finish (PortaClient           *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

G_END_DECLS
