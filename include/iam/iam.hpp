// SPDX-License-Identifier: MIT
// iamcpp: the umbrella header. Includes every public header of the library.
#ifndef IAM_IAM_HPP_INCLUDED
#define IAM_IAM_HPP_INCLUDED

#include "account.hpp"
#include "account_error.hpp"
#include "account_rules.hpp"
#include "action_catalog.hpp"
#include "applicability.hpp"
#include "arn.hpp"
#include "audit.hpp"
#include "authorization_details.hpp"
#include "condition.hpp"
#include "condition_values.hpp"
#include "credentials.hpp"
#include "effective.hpp"
#include "entities.hpp"
#include "evaluate.hpp"
#include "json.hpp"
#include "match.hpp"
#include "name_list.hpp"
#include "names.hpp"
#include "operators.hpp"
#include "policy.hpp"
#include "policy_cache.hpp"
#include "policy_index.hpp"
#include "principal.hpp"
#include "request.hpp"
#include "result.hpp"
#include "simulate.hpp"
#include "string_list.hpp"
#include "unique_names.hpp"

#endif  // IAM_IAM_HPP_INCLUDED
