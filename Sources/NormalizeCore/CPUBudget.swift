/// How many CPUs a process may use: the fewest of the CPUs its affinity mask allows and the
/// CPU time its control group's quota grants, rounded up. A container given two CPUs of a
/// 64-core host, or a Spark executor pinned to one core, gets 2 or 1, not 64.
///
/// The functions here only parse what the operating system reports; the caller reads it
/// (`/proc/self/status`, `/proc/self/cgroup`, `cpu.max` or `cpu.cfs_quota_us`).
///
/// ```swift
/// CPUBudget.cpuCount(affinityList: "0-3,8")        // 5
/// CPUBudget.quotaCPUs(cgroupV2Max: "150000 100000")  // 2 (1.5 CPUs rounded up)
/// CPUBudget.quotaCPUs(cgroupV2Max: "max 100000")     // nil: no quota
/// ```
public enum CPUBudget {
  /// The number of CPUs in a list such as `Cpus_allowed_list` in `/proc/self/status`
  /// ("0-3,8,10-11"), or nil when the list is empty or malformed.
  public static func cpuCount(affinityList: String) -> Int? {
    var count = 0
    for part in affinityList.split(separator: ",") {
      let item = part.trimmingSpaces()
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
      if bounds.count == 1, Int(bounds[0]) != nil {
        count += 1
      } else if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high
      {
        count += high - low + 1
      } else {
        return nil
      }
    }
    return count > 0 ? count : nil
  }

  /// The CPUs a cgroup v2 `cpu.max` line ("QUOTA PERIOD", microseconds; "max PERIOD" for no
  /// limit) grants, rounded up; nil for no limit or a malformed line.
  public static func quotaCPUs(cgroupV2Max line: String) -> Int? {
    let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    guard fields.count == 2, let quota = Int(fields[0]), let period = Int(fields[1]) else {
      return nil
    }
    return quotaCPUs(quota: quota, period: period)
  }

  /// The CPUs a cgroup v1 quota (`cpu.cfs_quota_us`, -1 for none) over its period
  /// (`cpu.cfs_period_us`) grants, rounded up; nil for no limit.
  public static func quotaCPUs(quota: Int, period: Int) -> Int? {
    guard quota > 0, period > 0 else { return nil }
    return max(1, (quota + period - 1) / period)
  }

  /// The cgroup path of the process from `/proc/self/cgroup`: for v2 the path of the "0::"
  /// line, for v1 the path of the line whose controllers include "cpu"; nil if neither.
  public static func cgroupPath(procSelfCgroup text: String, version: Int) -> String? {
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      if version == 2, fields[0] == "0", fields[1].isEmpty { return String(fields[2]) }
      if version == 1, fields[1].split(separator: ",").contains("cpu") { return String(fields[2]) }
    }
    return nil
  }

  /// The usable CPUs: the smallest of the known limits, at least 1; `online` when none is known.
  public static func usable(online: Int, affinity: Int?, quotas: [Int]) -> Int {
    var count = max(1, online)
    if let affinity { count = min(count, affinity) }
    for quota in quotas { count = min(count, quota) }
    return max(1, count)
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var result = self
    while let first = result.first, first == " " || first == "\t" || first == "\n" {
      result = result.dropFirst()
    }
    while let last = result.last, last == " " || last == "\t" || last == "\n" {
      result = result.dropLast()
    }
    return result
  }
}
