// SPDX-FileCopyrightText: 2026 ClusterDeck developers
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/runtime/accessguards.h"

namespace cdeck {

struct ApiCall;
class SecurityStore;
class UserDirectory;

// The access routes: who am I, the users (add, list, remove, rotate, a scientist's quota) and the audit log.
class AccessRoutes
{
public:
    AccessRoutes(UserDirectory &users, SecurityStore &security, const ScientistQuota &defaultQuota)
        : m_users(users)
        , m_security(security)
        , m_quota(defaultQuota)
    {
    }

    void whoami(ApiCall &call);
    void auditLog(ApiCall &call);
    void users(ApiCall &call);
    void addUser(ApiCall &call);
    void removeUser(ApiCall &call);
    void rotateUser(ApiCall &call);
    void setUserQuota(ApiCall &call);

private:
    UserDirectory &m_users;
    SecurityStore &m_security;
    const ScientistQuota &m_quota; // the runtime's defaults, for what a scientist's own quota leaves unset
};

} // namespace cdeck
