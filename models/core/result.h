// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace kopru {

// An error travelling up as a value. The data layer never shows UI: it returns
// one of these and the caller decides how to present it.
struct Error
{
    QString message;
    QString file; // empty when not about a file
    int line = 0; // 1-based, 0 = unknown
    int column = 0; // 1-based, 0 = unknown

    // "file:line:column: message", omitting the parts that are unknown.
    QString toString() const
    {
        QString where = file;
        if (line > 0)
            where += QLatin1Char(':') + QString::number(line);
        if (line > 0 && column > 0)
            where += QLatin1Char(':') + QString::number(column);
        return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }
};

// Success or an Error. [[nodiscard]]: dropping a result is a compiler warning,
// so every caller handles what it gets back.
class [[nodiscard]] Status
{
public:
    Status() = default;
    // NOLINTNEXTLINE(google-explicit-constructor): a function returning Status may return an Error
    Status(Error e)
        : m_error(std::move(e))
    { }
    static Status failure(const QString &message) { return Status(Error { message, {}, 0, 0 }); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    QString message() const { return m_error ? m_error->toString() : QString(); }

private:
    std::optional<Error> m_error;
};

// A value or an Error (a small stand-in for C++23 std::expected); [[nodiscard]]
// like Status.
template <typename T> class [[nodiscard]] Expected
{
public:
    // NOLINTNEXTLINE(google-explicit-constructor): return a value or an Error directly
    Expected(T value)
        : m_v(std::move(value))
    { }
    // NOLINTNEXTLINE(google-explicit-constructor)
    Expected(Error e)
        : m_v(std::move(e))
    { }

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<T>(m_v); }
    const T &value() const { return std::get<T>(m_v); }
    T &operator*() { return value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_v); }
    QString message() const { return ok() ? QString() : error().toString(); }

private:
    std::variant<T, Error> m_v;
};

} // namespace kopru
